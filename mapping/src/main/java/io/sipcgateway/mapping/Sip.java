package io.sipcgateway.mapping;

import io.sipcgateway.mapping.identity.Identities;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sip.InvalidArgumentException;
import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;

/**
 * jain-sip's factories (no stack, no I/O: STYLE 5.7) and the few request-building steps every translation shares:
 * one {@code Via} with a generated branch, {@code Max-Forwards: 70} (RFC 3261 section 8.1.1).
 */
final class Sip {
    static final MessageFactory MESSAGES;
    static final HeaderFactory HEADERS;
    static final AddressFactory ADDRESSES;
    private static final int MAX_FORWARDS = 70;

    static {
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        try {
            MESSAGES = factory.createMessageFactory();
            HEADERS = factory.createHeaderFactory();
            ADDRESSES = factory.createAddressFactory();
        } catch (PeerUnavailableException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Sip() {
    }

    /** The two ends and the dialog identifiers of a new request. */
    record Dialog(String callId, String fromUri, String fromTag, String toUri, Optional<String> toTag, long cseq) {
    }

    /** A request with the mandatory headers of RFC 3261 section 8.1.1, addressed to {@code requestUri}. */
    static Request request(String method, String requestUri, Dialog dialog, TranslationContext ctx)
            throws ParseException, InvalidArgumentException {
        URI target = ADDRESSES.createURI(requestUri);
        CallIdHeader callId = HEADERS.createCallIdHeader(dialog.callId());
        CSeqHeader cseq = HEADERS.createCSeqHeader(dialog.cseq(), method);
        FromHeader from = HEADERS.createFromHeader(address(dialog.fromUri()), dialog.fromTag());
        ToHeader to = HEADERS.createToHeader(address(dialog.toUri()), dialog.toTag().orElse(null));
        ViaHeader via = HEADERS.createViaHeader(ctx.gateway().host(), ctx.gateway().port(),
                ctx.gateway().transport(), ctx.ids().branch());
        MaxForwardsHeader maxForwards = HEADERS.createMaxForwardsHeader(MAX_FORWARDS);
        return MESSAGES.createRequest(target, method, callId, cseq, from, to, List.of(via), maxForwards);
    }

    /** {@code <sip:user@gateway:port;transport=tcp>}: where the core reaches this user through the gateway. */
    static Header contact(String userAor, TranslationContext ctx) throws ParseException {
        String user = Identities.userOf(userAor);
        return HEADERS.createHeader("Contact", "<sip:" + user + '@' + ctx.gateway() + ";transport="
                + ctx.gateway().transport().toLowerCase(Locale.ROOT) + ">");
    }

    static Address address(String uri) throws ParseException {
        return ADDRESSES.createAddress(ADDRESSES.createURI(uri));
    }

    static void add(Message message, String name, String value) throws ParseException {
        message.addHeader(HEADERS.createHeader(name, value));
    }

    static void body(Message message, String contentType, byte[] body) throws ParseException {
        message.setContent(body, (ContentTypeHeader) HEADERS.createHeader(ContentTypeHeader.NAME, contentType));
    }

    /** The value of a header, as written on the wire without its name, or empty. */
    static Optional<String> value(Message message, String name) {
        Header header = message.getHeader(name);
        if (header == null) {
            return Optional.empty();
        }
        String text = header.toString().strip();
        int colon = text.indexOf(':');
        return Optional.of(text.substring(colon + 1).strip());
    }

    /** The body bytes, or an empty array. */
    static byte[] content(Message message) {
        byte[] raw = message.getRawContent();
        return raw == null ? new byte[0] : raw;
    }

    /** The CSeq number, or 0 if the header is missing. */
    static long cseq(Message message) {
        CSeqHeader cseq = (CSeqHeader) message.getHeader(CSeqHeader.NAME);
        return cseq == null ? 0 : cseq.getSeqNumber();
    }

    /** The URI of a From/To-like header as text, e.g. {@code sip:bob@sipc.local}. */
    static String uri(Address address) {
        return address.getURI().toString();
    }
}
