package io.sipcgateway.gateway.core;

import io.sipcgateway.gateway.inspect.TranslationEvent;
import io.sipcgateway.gateway.inspect.TranslationRecorder;
import io.sipcgateway.mapping.CoreToLegacy;
import io.sipcgateway.mapping.IdGenerator;
import io.sipcgateway.mapping.LegacyToCore;
import io.sipcgateway.mapping.Translation;
import io.sipcgateway.mapping.identity.Identities;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcMessage;
import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import java.util.List;
import java.util.Optional;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests from the core for legacy users (NOTIFY, MESSAGE, ...), translated and delivered to the user's
 * connection. A NOTIFY becomes a {@code BN}, which no legacy client answers (section 2), so the core gets its
 * {@code 200} at once; anything else waits for the client's answer, which goes back translated, or for the
 * timeout, which answers {@code 408} ({@link PendingLegacyAnswers}). A request for a user who is not connected gets
 * {@code 480}, so the core's store-and-forward (msilo) can keep it; no request is left unanswered.
 */
final class CoreInbound implements CoreRequestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CoreInbound.class);
    private final LogBudget slowClients = new LogBudget(10);

    private final CoreStack stack;
    private final CoreSender sender;
    private final UserLinks links;
    private final PendingLegacyAnswers pending;
    private final IdGenerator ids;

    private final TranslationRecorder recorder;

    CoreInbound(CoreStack stack, CoreSender sender, UserLinks links, PendingLegacyAnswers pending, IdGenerator ids,
            TranslationRecorder recorder) {
        this.stack = stack;
        this.sender = sender;
        this.links = links;
        this.pending = pending;
        this.ids = ids;
        this.recorder = recorder;
    }

    @Override
    public void onRequest(Request request, ServerTransaction transaction) {
        if (Request.OPTIONS.equals(request.getMethod())) {
            respond(request, transaction, Response.OK, null); // the core's keep-alive / health probe
            return;
        }
        Optional<UserLink> link = userPart(request).flatMap(links::byContactUser);
        if (link.isEmpty()) {
            respond(request, transaction, Response.TEMPORARILY_UNAVAILABLE, "Not Connected");
            return;
        }
        if (pending.isFull()) {
            respond(request, transaction, Response.SERVICE_UNAVAILABLE, "Gateway Overloaded");
            return;
        }
        long start = System.nanoTime();
        Translation translation = CoreToLegacy.toLegacy(request, link.get().coreContext());
        if (translation instanceof Translation.ToLegacy toLegacy) {
            link.get().update(toLegacy.correlation());
            boolean awaitsAnswer = false;
            for (SipcMessage message : toLegacy.messages()) {
                if (message instanceof SipcRequest legacy && !legacy.method().equals(SipcMethod.BN)
                        && !awaitsAnswer) {
                    pending.put(key(link.get(), legacy.callId().orElse(""), legacy.header(
                            SipcHeaderName.CSEQ).orElse("")),
                            new PendingLegacyAnswers.Pending(request, transaction, link.get(), legacy, start));
                    awaitsAnswer = true;
                }
                link.get().user.connection().send(message);
            }
            if (!awaitsAnswer) {
                Optional<Response> ok = respond(request, transaction, Response.OK, null);
                if (!toLegacy.messages().isEmpty()) {
                    record(link.get(), start, toLegacy.messages().get(0), Optional.empty(), request, ok,
                            TranslationEvent.Outcome.Kind.ONE_WAY); // a BN is never answered (section 2)
                }
            }
        } else if (translation instanceof Translation.ReplyToCore reply) {
            respond(request, transaction, reply.status(), reply.reason());
        } else {
            respond(request, transaction, Response.OK, null);
        }
    }

    /**
     * The client answered a request the core sent it. Called on a Netty event loop, so the answer to the core goes
     * out on the user's sender thread ({@link CoreSender#execute}): jain-sip's send may block.
     */
    void legacyAnswered(UserLink link, SipcResponse response) {
        Optional<PendingLegacyAnswers.Pending> waiting = pending.take(key(link, response.callId().orElse(""),
                response.header(SipcHeaderName.CSEQ).orElse("")));
        if (waiting.isEmpty()) {
            LOG.debug("{} answered {} to nothing pending", link.user.sid(), response.status());
            return;
        }
        PendingLegacyAnswers.Pending p = waiting.get();
        Translation translation = LegacyToCore.toCore(response, p.request(), link.legacyContext());
        boolean queued = sender.execute(link.user.sid(), () -> answerCore(link, p, response, translation));
        if (!queued) {
            LOG.warn("answer of {} to the core dropped (sender queue full); the core retransmits or times out",
                    link.user.sid());
        }
    }

    private void answerCore(UserLink link, PendingLegacyAnswers.Pending p, SipcResponse response,
            Translation translation) {
        Optional<Response> sent = Optional.empty();
        try {
            if (translation instanceof Translation.ResponseToCore toCore) {
                p.transaction().sendResponse(toCore.response());
                sent = Optional.of(toCore.response());
            } else if (translation instanceof Translation.ReplyToCore reply) {
                sent = respond(p.request(), p.transaction(), reply.status(), reply.reason());
            }
        } catch (Exception e) {
            LOG.warn("answering the core for {} failed: {}", link.user.sid(), e.toString());
        }
        record(link, p.startNanos(), p.delivered(), Optional.of(response), p.request(), sent,
                TranslationRecorder.kindOf(response.code()));
    }

    /** The client did not answer in time (or the table overflowed). */
    void expired(PendingLegacyAnswers.Pending p) {
        long leftOut = slowClients.take();
        if (leftOut >= 0) {
            LOG.info("{} did not answer {} in time; 408 to the core{}", p.link().user.sid(), p.request().getMethod(),
                    leftOut > 0 ? " (" + leftOut + " more such lines left out)" : "");
        }
        Optional<Response> sent = respond(p.request(), p.transaction(), Response.REQUEST_TIMEOUT, null);
        record(p.link(), p.startNanos(), p.delivered(), Optional.empty(), p.request(), sent,
                TranslationEvent.Outcome.Kind.TIMEOUT);
    }

    private void record(UserLink link, long start, SipcMessage legacy, Optional<SipcResponse> legacyAnswer,
            Request sip, Optional<Response> sipAnswer, TranslationEvent.Outcome.Kind kind) {
        if (!recorder.enabled()) {
            return;
        }
        recorder.record(new TranslationRecorder.Exchange(start, link.user.connection().id(),
                String.valueOf(link.user.connection().remoteAddress()), Optional.of(link.user.sid()),
                TranslationEvent.Direction.CORE_TO_LEGACY, legacy, legacyAnswer, List.of(sip), sipAnswer, kind,
                Optional.empty()));
    }

    private static PendingLegacyAnswers.Key key(UserLink link, String callId, String cseq) {
        return new PendingLegacyAnswers.Key(link.user.sid(), callId, cseq);
    }

    private static Optional<String> userPart(Request request) {
        if (request.getRequestURI() instanceof SipURI uri && uri.getUser() != null) {
            return Optional.of(uri.getUser());
        }
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        return to == null ? Optional.empty() : Optional.of(Identities.userOf(to.getAddress().getURI().toString()));
    }

    private Optional<Response> respond(Request request, ServerTransaction transaction, int status, String reason) {
        try {
            Response response = stack.messageFactory().createResponse(status, request);
            if (reason != null) {
                response.setReasonPhrase(reason);
            }
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (to != null && to.getTag() == null) {
                to.setTag(ids.tag()); // RFC 3261 8.2.6.2
            }
            transaction.sendResponse(response);
            return Optional.of(response);
        } catch (Exception e) {
            LOG.warn("answering {} {} to the core failed: {}", request.getMethod(), status, e.toString());
            return Optional.empty();
        }
    }
}
