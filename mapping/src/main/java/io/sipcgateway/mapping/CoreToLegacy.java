package io.sipcgateway.mapping;

import io.sipcgateway.mapping.table.MethodRule;
import io.sipcgateway.sipc.SipcRequest;
import java.util.Optional;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Core → legacy: what a SIP/SIMPLE message for the context user becomes for the legacy client. Pure; bad or
 * unmappable input is a {@link Translation.ReplyToCore} carrying the status the gateway should send.
 */
public final class CoreToLegacy {
    private CoreToLegacy() {
    }

    /** A core request for the context user (or sent by them, read back as the client would have sent it). */
    public static Translation toLegacy(Request request, CoreContext ctx) {
        Optional<MethodRule> rule = MethodRule.forSip(request.getMethod());
        if (rule.isEmpty()) {
            return new Translation.ReplyToCore(501, "Not Implemented: " + request.getMethod());
        }
        return switch (rule.get()) {
            case REGISTER -> RegisterMapping.toLegacy(request, ctx);
            case MESSAGE -> MessageMapping.toLegacy(request, ctx);
            case INVITE -> new Translation.ReplyToCore(488, "Not Acceptable Here: legacy SIP-C clients take no "
                    + "media sessions");
            case ACK -> new Translation.Absorbed("ACK: nothing to forward, the gateway never forwards INVITE");
            case BYE, CANCEL -> new Translation.ReplyToCore(481, "Call/Transaction Does Not Exist");
            case OPTIONS -> new Translation.ReplyToCore(200, "OK");
            case SUBSCRIBE -> SubscriptionMapping.toLegacy(request, ctx);
            case BENOTIFY, NOTIFY -> NotifyMapping.toLegacy(request, ctx);
            case PUBLISH -> PublishMapping.toLegacy(request, ctx);
            case INFO -> new Translation.ReplyToCore(501, "Not Implemented: INFO outside an INVITE dialog; "
                    + "typing indications travel as MESSAGE (RFC 3994)");
        };
    }

    /** A core response to {@code original}, the legacy request it answers. */
    public static Translation toLegacy(Response response, SipcRequest original, CoreContext ctx) {
        return ResponseMapping.toLegacy(response, original, ctx);
    }
}
