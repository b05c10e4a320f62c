package io.sipcgateway.gateway.client;

import io.sipcgateway.sipc.SipcBody;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcHeaders;
import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import io.sipcgateway.sipc.SipcStatus;
import io.sipcgateway.sipc.SipcVersion;
import java.util.List;

/**
 * The requests a legacy client sends, byte for byte in the shapes of the reference samples: header order as
 * captured ({@code L} is added by the encoder), bodies exact. SIP-C/4.0 bodies are libofetion's, which libxml2
 * wraps in a leading and a trailing LF (section 1.2, samples 03, 08, 12, 36); SIP-C/2.0 bodies are the official
 * client's, without (samples 43, 47, 49). Pure functions; {@link CallIds} supplies {@code I} and {@code Q}.
 */
public final class ClientRequests {
    /** Every client request names the domain as its target (section 1.1). */
    public static final String TARGET = "fetion.com.cn";
    /** {@code CL} of libofetion 2.2.2, with its space before the comma (sample 01). */
    public static final String V4_CLIENT_INFO = "type=\"pc\" ,version=\"4.3.0980\"";

    private static final String V4_MACHINE_CODE = "001676C0E351";
    private static final String V2_REGISTER_ARGS = "<args>"
            + "<device type=\"PC\" version=\"0\" client-version=\"3.2.0540\" />"
            + "<caps value=\"simple-im;im-session;temp-group;personal-group\" />"
            + "<events value=\"contact;permission;system-message;personal-group\" />"
            + "<oem-tag value=\"cmcc.sjb0.inet.0024\" /><user-info attributes=\"all\" />"
            + "<presence><basic value=\"400\" desc=\"\" /></presence></args>";
    private static final String V2_EXTENDED = "<extended types=\"sms;location;listening;ring-back-tone\" />";

    private ClientRequests() {
    }

    /** v4 R #1 (sample 01): {@code F I Q CN CL}, no body. */
    public static SipcRequest registerV4First(String sid, CallIds.Stamp stamp, String clientNonce) {
        SipcHeaders headers = start(sid, stamp)
                .add(SipcHeaderName.CLIENT_NONCE, clientNonce)
                .add(SipcHeaderName.CLIENT_INFO, V4_CLIENT_INFO)
                .build();
        return request(SipcMethod.R, SipcVersion.V4, headers, SipcBody.EMPTY);
    }

    /** v4 R #2 (sample 03): {@code F I Q A AK L} and libofetion's {@code <args>}. */
    public static SipcRequest registerV4Auth(String sid, CallIds.Stamp stamp, String authorization, String mobile,
            String userId) {
        SipcHeaders headers = start(sid, stamp)
                .add(SipcHeaderName.AUTHORIZATION, authorization)
                .add(SipcHeaderName.AK, "ak-value")
                .build();
        String args = "<args><device machine-code=\"" + V4_MACHINE_CODE + "\"/><caps value=\"1ff\"/>"
                + "<events value=\"7f\"/><user-info mobile-no=\"" + Xml.escape(mobile) + "\" user-id=\""
                + Xml.escape(userId) + "\"><personal version=\"0\" attributes=\"v4default\"/>"
                + "<custom-config version=\"0\"/><contact-list version=\"0\" buddy-attributes=\"v4default\"/>"
                + "</user-info><credentials domains=\"fetion.com.cn\"/><presence><basic value=\"400\" desc=\"\"/>"
                + "</presence></args>";
        return request(SipcMethod.R, SipcVersion.V4, headers, v4Body(args));
    }

    /** v2 R #1 (sample 43, {@code authorization == null}) or R #2 (sample 45): the same body both times. */
    public static SipcRequest registerV2(String sid, CallIds.Stamp stamp, String authorization) {
        SipcHeaders.Builder headers = start(sid, stamp);
        if (authorization != null) {
            headers.add(SipcHeaderName.AUTHORIZATION, authorization);
        }
        return request(SipcMethod.R, SipcVersion.V2, headers.build(), SipcBody.ofUtf8(V2_REGISTER_ARGS));
    }

    /**
     * Keep-alive (section 1.4): v4 {@code R N: KeepAlive} with the credentials args (sample 36); v2 a bare
     * {@code R} with {@code F I Q}, the re-register of QFetion and PF2.
     */
    public static SipcRequest keepAlive(SipcVersion version, String sid, CallIds.Stamp stamp) {
        if (SipcVersion.V2.equals(version)) {
            return request(SipcMethod.R, version, start(sid, stamp).build(), SipcBody.EMPTY);
        }
        SipcHeaders headers = start(sid, stamp).add(SipcHeaderName.EVENT, "KeepAlive").build();
        return request(SipcMethod.R, version, headers,
                v4Body("<args><credentials domains=\"fetion.com.cn\"/></args>"));
    }

    /** Logout: {@code R} with {@code X: 0} (samples 38, 75). */
    public static SipcRequest logout(SipcVersion version, String sid, CallIds.Stamp stamp) {
        return request(SipcMethod.R, version, start(sid, stamp).add(SipcHeaderName.EXPIRES, "0").build(),
                SipcBody.EMPTY);
    }

    /** v4 {@code S N: SetPresenceV4} (sample 12) or v2 {@code S N: SetPresence} (section 4.2). */
    public static SipcRequest setPresence(SipcVersion version, String sid, CallIds.Stamp stamp, int code) {
        boolean v2 = SipcVersion.V2.equals(version);
        SipcHeaders headers = start(sid, stamp).add(SipcHeaderName.EVENT, v2 ? "SetPresence" : "SetPresenceV4")
                .build();
        SipcBody body = v2 ? SipcBody.ofUtf8("<args><presence><basic value=\"" + code + "\" /></presence></args>")
                : v4Body("<args><presence><basic value=\"" + code + "\"/></presence></args>");
        return request(SipcMethod.S, version, headers, body);
    }

    /** v4 {@code SUB N: PresenceV4} (sample 08): the whole contact list, implicitly. */
    public static SipcRequest subscribeV4(String sid, CallIds.Stamp stamp) {
        SipcHeaders headers = start(sid, stamp).add(SipcHeaderName.EVENT, "PresenceV4").build();
        return request(SipcMethod.SUB, SipcVersion.V4, headers,
                v4Body("<args><subscription self=\"v4default;mail-count\" buddy=\"v4default\" version=\"0\"/></args>"));
    }

    /** v2 {@code S N: GetContactList} (sample 47). */
    public static SipcRequest getContactListV2(String sid, CallIds.Stamp stamp) {
        SipcHeaders headers = start(sid, stamp).add(SipcHeaderName.EVENT, "GetContactList").build();
        return request(SipcMethod.S, SipcVersion.V2, headers, SipcBody.ofUtf8("<args><contacts><buddy-lists />"
                + "<buddies attributes=\"all\" /><mobile-buddies attributes=\"all\" /><chat-friends /><blacklist />"
                + "</contacts></args>"));
    }

    /** v2 {@code SUB N: presence} (sample 49): every buddy URI, then a second subscription for the user's own. */
    public static SipcRequest subscribeV2(String sid, CallIds.Stamp stamp, List<String> buddyUris, String ownUri) {
        StringBuilder args = new StringBuilder("<args><subscription><contacts>");
        for (String uri : buddyUris) {
            args.append("<contact uri=\"").append(Xml.escape(uri)).append("\" />");
        }
        args.append("</contacts><presence><basic attributes=\"all\" /><personal attributes=\"all\" />")
                .append(V2_EXTENDED).append("</presence></subscription><subscription><contacts><contact uri=\"")
                .append(Xml.escape(ownUri)).append("\" /></contacts><presence>").append(V2_EXTENDED)
                .append("</presence></subscription></args>");
        SipcHeaders headers = start(sid, stamp).add(SipcHeaderName.EVENT, "presence").build();
        return request(SipcMethod.SUB, SipcVersion.V2, headers, SipcBody.ofUtf8(args.toString()));
    }

    /**
     * An IM out of any session (sample 21): {@code T}, {@code C: text/plain}, {@code K: SaveHistory},
     * {@code N: CatMsg}.
     */
    public static SipcRequest catMessage(SipcVersion version, String sid, CallIds.Stamp stamp, String toUri,
            String text) {
        SipcHeaders headers = start(sid, stamp)
                .add(SipcHeaderName.TO, toUri)
                .add(SipcHeaderName.CONTENT_TYPE, "text/plain")
                .add(SipcHeaderName.SUPPORTED, "SaveHistory")
                .add(SipcHeaderName.EVENT, "CatMsg")
                .build();
        return request(SipcMethod.M, version, headers, SipcBody.ofUtf8(text));
    }

    /**
     * libofetion's answer to a server request it accepts (sample 26): {@code 200 OK} in the request's version with
     * its {@code F} (the peer), {@code I} and {@code Q}, in that order.
     */
    public static SipcResponse autoReply(SipcRequest incoming) {
        SipcHeaders.Builder headers = SipcHeaders.builder();
        incoming.header(SipcHeaderName.FROM).ifPresent(f -> headers.add(SipcHeaderName.FROM, f));
        incoming.callId().ifPresent(i -> headers.add(SipcHeaderName.CALL_ID, i));
        incoming.header(SipcHeaderName.CSEQ).ifPresent(q -> headers.add(SipcHeaderName.CSEQ, q));
        return new SipcResponse(incoming.version(), SipcStatus.OK, headers.build(), SipcBody.EMPTY);
    }

    /** A request of the signed-in user: {@code F}, {@code I}, {@code Q} and then {@code extra}. */
    public static SipcRequest request(SipcMethod method, SipcVersion version, String sid, CallIds.Stamp stamp,
            SipcHeaders extra, SipcBody body) {
        SipcHeaders.Builder headers = start(sid, stamp);
        extra.asList().forEach(headers::add);
        return request(method, version, headers.build(), body);
    }

    private static SipcHeaders.Builder start(String sid, CallIds.Stamp stamp) {
        return SipcHeaders.builder()
                .add(SipcHeaderName.FROM, sid)
                .add(SipcHeaderName.CALL_ID, stamp.callId())
                .add(SipcHeaderName.CSEQ, stamp.cseq());
    }

    private static SipcRequest request(SipcMethod method, SipcVersion version, SipcHeaders headers, SipcBody body) {
        return new SipcRequest(method, TARGET, version, headers, body);
    }

    private static SipcBody v4Body(String args) {
        return SipcBody.ofUtf8("\n" + args + "\n");
    }
}
