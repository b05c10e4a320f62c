package io.sipcgateway.gateway.core.embedded;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import javax.sip.ServerTransaction;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RequireHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * What the core says about itself: OPTIONS (RFC 3261 11.2), 420 for a Require it does not know (8.2.2.3),
 * 405/501 with Allow for methods it does not serve (8.2.1, 21.4.6, 21.5.2).
 */
final class Capabilities {
    static final List<String> ALLOWED = List.of(Request.REGISTER, Request.PUBLISH, Request.SUBSCRIBE,
            Request.MESSAGE, Request.OPTIONS);
    /** RFC 3261 methods and the common extensions: known, so 405; anything else is 501. */
    private static final Set<String> KNOWN = Set.of(Request.INVITE, Request.ACK, Request.BYE, Request.CANCEL,
            Request.NOTIFY, Request.REFER, Request.INFO, Request.PRACK, Request.UPDATE);
    /** RFC 3327: the only extension the core implements. */
    private static final Set<String> SUPPORTED = Set.of("path");

    private final SipMessages sip;

    Capabilities(SipMessages sip) {
        this.sip = Objects.requireNonNull(sip, "sip");
    }

    /** False (and 420 sent) when the request requires an extension we lack. */
    boolean admit(ServerTransaction st, Request request) throws ParseException {
        List<String> unsupported = new ArrayList<>();
        for (ListIterator<?> it = request.getHeaders(RequireHeader.NAME); it.hasNext(); ) {
            String tag = ((RequireHeader) it.next()).getOptionTag();
            if (!SUPPORTED.contains(tag.toLowerCase(Locale.ROOT))) {
                unsupported.add(tag);
            }
        }
        if (unsupported.isEmpty()) {
            return true;
        }
        Header[] headers = new Header[unsupported.size()];
        for (int i = 0; i < headers.length; i++) {
            headers[i] = sip.headers().createUnsupportedHeader(unsupported.get(i));
        }
        sip.reply(st, Response.BAD_EXTENSION, null, headers);
        return false;
    }

    /** OPTIONS to the core answers for the core, user part or not (health check). */
    void options(ServerTransaction st) throws ParseException {
        List<Header> headers = allow(sip.headers());
        headers.add(sip.headers().createAllowEventsHeader(Notifier.PRESENCE));
        headers.add(sip.headers().createAcceptHeader("application", "pidf+xml"));
        headers.add(sip.headers().createSupportedHeader("path"));
        sip.reply(st, Response.OK, null, headers.toArray(Header[]::new));
    }

    void reject(ServerTransaction st, Request request) throws ParseException {
        String method = request.getMethod();
        if (Request.CANCEL.equals(method)) {
            // RFC 3261 9.2: no INVITE here to cancel, and a CANCEL of a non-INVITE has no effect.
            sip.reply(st, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
            return;
        }
        int status = KNOWN.contains(method) ? Response.METHOD_NOT_ALLOWED : Response.NOT_IMPLEMENTED;
        sip.reply(st, status, null, allow(sip.headers()).toArray(Header[]::new));
    }

    private static List<Header> allow(HeaderFactory headers) throws ParseException {
        List<Header> allow = new ArrayList<>();
        for (String method : ALLOWED) {
            allow.add(headers.createAllowHeader(method));
        }
        return allow;
    }
}
