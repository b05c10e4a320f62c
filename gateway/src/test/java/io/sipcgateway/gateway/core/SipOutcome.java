package io.sipcgateway.gateway.core;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.message.Response;

/** The final response to a request; {@code response} is null when the transaction timed out locally (408). */
public record SipOutcome(int status, Response response) {
    /**
     * All values of a header, comma-joined, or null if absent. jain-sip splits list headers such as Allow into
     * one Header object per value.
     */
    public String header(String name) {
        if (response == null || response.getHeader(name) == null) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (ListIterator<?> it = response.getHeaders(name); it.hasNext(); ) {
            String line = it.next().toString();
            values.add(line.substring(line.indexOf(':') + 1).trim());
        }
        return String.join(", ", values);
    }
}
