package io.sipcgateway.bench;

/**
 * The standard SIP messages the gateway exchanges with the core for each benchmarked SIP-C message: the REGISTER for
 * a login, the presence NOTIFY (PIDF + RPID) for a PresenceV4 BN, the MESSAGE for an incoming {@code M}. Headers are
 * what a jain-sip UA or Kamailio sends; CRLF is explicit.
 */
final class SipEquivalents {
    private SipEquivalents() {
    }

    static String of(String kind) {
        return switch (kind) {
            case "login" -> REGISTER;
            case "presence" -> NOTIFY;
            case "message" -> MESSAGE;
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static final String REGISTER = "REGISTER sip:sipc.local SIP/2.0\r\n"
            + "Via: SIP/2.0/TCP 127.0.0.1:5070;branch=z9hG4bK-sipc-1-2-register;rport\r\n"
            + "Max-Forwards: 70\r\n"
            + "From: <sip:916000001@sipc.local>;tag=sipc-4f2a\r\n"
            + "To: <sip:916000001@sipc.local>\r\n"
            + "Call-ID: sipc-1-916000001@127.0.0.1\r\n"
            + "CSeq: 2 REGISTER\r\n"
            + "Contact: <sip:916000001@127.0.0.1:5070;transport=tcp>;expires=600\r\n"
            + "Path: <sip:127.0.0.1:5070;transport=tcp;lr>\r\n"
            + "Supported: path\r\n"
            + "Expires: 600\r\n"
            + "User-Agent: sipc-gateway\r\n"
            + "Content-Length: 0\r\n\r\n";

    private static final String PIDF = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\" "
            + "xmlns:rpid=\"urn:ietf:params:xml:ns:pidf:rpid\" entity=\"sip:737769829@sipc.local\">"
            + "<tuple id=\"t1\"><status><basic>open</basic></status><note>ice</note></tuple>"
            + "<dm:person id=\"p1\"><rpid:activities><rpid:unknown/></rpid:activities></dm:person></presence>";

    private static final String NOTIFY = "NOTIFY sip:916000001@127.0.0.1:5070;transport=tcp SIP/2.0\r\n"
            + "Via: SIP/2.0/TCP 127.0.0.1:5060;branch=z9hG4bKcydzigwkX\r\n"
            + "Max-Forwards: 70\r\n"
            + "From: <sip:737769829@sipc.local>;tag=a6a1c5f60faecf035a1ae5b6e96e979a-b1a2\r\n"
            + "To: <sip:916000001@sipc.local>;tag=sipc-77\r\n"
            + "Call-ID: sipc-9-916000001@127.0.0.1\r\n"
            + "CSeq: 3 NOTIFY\r\n"
            + "Contact: <sip:127.0.0.1:5060;transport=tcp>\r\n"
            + "Event: presence\r\n"
            + "Subscription-State: active;expires=3600\r\n"
            + "Content-Type: application/pidf+xml\r\n"
            + "Content-Length: " + PIDF.length() + "\r\n\r\n"
            + PIDF;

    private static final String TEXT = "Hello, 你好";

    private static final String MESSAGE = "MESSAGE sip:916000001@127.0.0.1:5070;transport=tcp SIP/2.0\r\n"
            + "Via: SIP/2.0/TCP 127.0.0.1:5060;branch=z9hG4bK7b4e.1\r\n"
            + "Max-Forwards: 69\r\n"
            + "From: <sip:916000002@sipc.local>;tag=8f3a\r\n"
            + "To: <sip:916000001@sipc.local>\r\n"
            + "Call-ID: 5d1c-4e2f@127.0.0.1\r\n"
            + "CSeq: 1 MESSAGE\r\n"
            + "Content-Type: text/plain;charset=UTF-8\r\n"
            + "Content-Length: " + TEXT.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\r\n\r\n"
            + TEXT;
}
