package io.sipcgateway.gateway.core;

import java.util.function.Predicate;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;

/** A subscription dialog as the subscriber keeps it: ids, the notifier's tag and Contact (remote target). */
public record UaSubscription(String presentity, String callId, String localTag, String remoteTag,
        String remoteTarget, SipOutcome outcome) {
    /** Matches the NOTIFYs of this subscription (same Call-ID). */
    public Predicate<Request> inDialog() {
        return n -> callId.equals(((CallIdHeader) n.getHeader(CallIdHeader.NAME)).getCallId());
    }
}
