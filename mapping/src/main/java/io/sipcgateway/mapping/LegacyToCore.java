package io.sipcgateway.mapping;

import io.sipcgateway.mapping.table.MethodRule;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import java.text.ParseException;
import java.util.Optional;
import javax.sip.InvalidArgumentException;
import javax.sip.message.Request;

/**
 * Legacy → core: what a message from a legacy client becomes on the SIP/SIMPLE side. Pure: the result is a value
 * ({@link Translation}), never a thrown exception for bad input; nothing is sent from here.
 */
public final class LegacyToCore {
    private LegacyToCore() {
    }

    /**
     * A legacy request. The row of {@link MethodRule} picks the translation; a method or {@code S} operation with no
     * row is answered 501, a request that cannot be built 400.
     */
    public static Translation toCore(SipcRequest request, LegacyContext ctx) {
        Optional<MethodRule> rule = MethodRule.forSipc(request.method(), request.event());
        if (rule.isEmpty()) {
            return Sipc.reply(request, 501, request.method() + request.event().map(n -> " N: " + n).orElse("")
                    + " has no core equivalent; the gateway does not implement it");
        }
        try {
            return switch (rule.get()) {
                case REGISTER -> RegisterMapping.toCore(request, ctx);
                case MESSAGE -> MessageMapping.toCore(request, ctx);
                case INVITE, ACK, BYE, CANCEL -> new Translation.Absorbed(request.method() + ": the chat session is "
                        + "kept by the gateway; its M requests go to the core as page-mode MESSAGE (reference "
                        + "section 11)");
                case OPTIONS -> new Translation.Absorbed("O: capabilities and DirectSMS checks are answered by the "
                        + "gateway (reference section 6)");
                case SUBSCRIBE -> SubscriptionMapping.toCore(request, ctx);
                case BENOTIFY, NOTIFY -> NotifyMapping.toCore(request, ctx);
                case PUBLISH -> PublishMapping.toCore(request, ctx);
                case INFO -> InfoMapping.toCore(request, ctx);
            };
        } catch (ParseException | InvalidArgumentException e) {
            return Sipc.reply(request, 400, "cannot build the SIP request: " + e.getMessage());
        }
    }

    /** A legacy response to {@code original}, the core request it answers. */
    public static Translation toCore(SipcResponse response, Request original, LegacyContext ctx) {
        try {
            return ResponseMapping.toCore(response, original, ctx);
        } catch (ParseException e) {
            return new Translation.ReplyToCore(500, "Server Internal Error: " + e.getMessage());
        }
    }
}
