package io.sipcgateway.gateway.inspect;

import io.sipcgateway.sipc.SipcMessage;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.Response;

/**
 * Turns what the bridge and the sessions see into {@link TranslationEvent} pairs for the {@link Inspector}. When
 * inspection is off ({@link #OFF}) nothing is built, so the hot path pays one branch; when on, building an event
 * costs the text of its messages, and {@link Inspector#record} never blocks.
 */
public final class TranslationRecorder {
    /** Records nothing. */
    public static final TranslationRecorder OFF = new TranslationRecorder(null, null, "", "", "");

    private final Inspector inspector;
    private final Clock clock;
    private final String gatewayLegacy;
    private final String corePeer;
    private final String gatewayCore;
    private final AtomicLong ids = new AtomicLong();

    private TranslationRecorder(Inspector inspector, Clock clock, String gatewayLegacy, String corePeer,
            String gatewayCore) {
        this.inspector = inspector;
        this.clock = clock;
        this.gatewayLegacy = gatewayLegacy;
        this.corePeer = corePeer;
        this.gatewayCore = gatewayCore;
    }

    /** A recorder feeding {@code inspector}; the addresses are {@code ip:port} of the gateway's two sides. */
    public static TranslationRecorder to(Inspector inspector, Clock clock, String gatewayLegacy, String corePeer,
            String gatewayCore) {
        return new TranslationRecorder(Objects.requireNonNull(inspector, "inspector"), clock, gatewayLegacy,
                corePeer, gatewayCore);
    }

    public boolean enabled() {
        return inspector != null;
    }

    /**
     * One exchange: the legacy message that started it (or the one sent for a core request), the SIP messages it
     * became or came from, the final answers, and how it ended.
     *
     */
    public void record(Exchange exchange) {
        if (inspector == null) {
            return;
        }
        long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - exchange.startNanos());
        List<String> sip = new ArrayList<>(exchange.sip().size() + 1);
        List<String> callIds = new ArrayList<>();
        List<String> cseqs = new ArrayList<>();
        List<String> branches = new ArrayList<>();
        for (Message message : exchange.sip()) {
            sip.add(message.toString());
            CallIdHeader callId = (CallIdHeader) message.getHeader(CallIdHeader.NAME);
            CSeqHeader cseq = (CSeqHeader) message.getHeader(CSeqHeader.NAME);
            ViaHeader via = (ViaHeader) message.getHeader(ViaHeader.NAME);
            addIfAbsent(callIds, callId == null ? null : callId.getCallId());
            addIfAbsent(cseqs, cseq == null ? null : cseq.getSeqNumber() + " " + cseq.getMethod());
            addIfAbsent(branches, via == null ? null : via.getBranch());
        }
        exchange.sipAnswer().ifPresent(r -> sip.add(r.toString()));
        SipcMessage legacy = exchange.legacy();
        String legacyText = new String(legacy.toBytes(), StandardCharsets.UTF_8)
                + exchange.legacyAnswer().map(a -> new String(a.toBytes(), StandardCharsets.UTF_8)).orElse("");
        Optional<String> legacyCallId = legacy.callId();
        Optional<String> legacyCseq = legacy.cseq().map(Object::toString);
        String key = exchange.connection() + ":" + legacyCallId.orElse("-") + ":" + legacyCseq.orElse("-");
        TranslationEvent event = new TranslationEvent(ids.incrementAndGet(), clock.instant(), exchange.connection(),
                exchange.legacyPeer(), gatewayLegacy, corePeer, gatewayCore, exchange.user(), exchange.direction(),
                legacyText, sip, new TranslationEvent.Correlation(key, legacyCallId, legacyCseq, callIds, cseqs,
                        branches),
                new TranslationEvent.Outcome(exchange.kind(), exchange.legacyAnswer().map(SipcResponse::code)
                        .or(() -> legacy instanceof SipcResponse r ? Optional.of(r.code()) : Optional.empty()),
                        exchange.sipAnswer().map(Response::getStatusCode), Optional.of(micros),
                        exchange.reason()));
        inspector.record(event);
    }

    private static void addIfAbsent(List<String> list, String value) {
        if (value != null && !list.contains(value)) {
            list.add(value);
        }
    }

    /**
     * What one exchange consisted of.
     *
     * @param startNanos {@link System#nanoTime()} when the triggering message arrived
     * @param legacy the legacy message that started it, or the one the gateway sent for a core request
     * @param legacyAnswer the final legacy answer, sent or received
     * @param sip the SIP requests sent or received
     * @param sipAnswer the final SIP answer, received or sent
     */
    public record Exchange(long startNanos, String connection, String legacyPeer, Optional<String> user,
            TranslationEvent.Direction direction, SipcMessage legacy, Optional<SipcResponse> legacyAnswer,
            List<? extends Message> sip, Optional<Response> sipAnswer, TranslationEvent.Outcome.Kind kind,
            Optional<String> reason) {
        public Exchange {
            sip = List.copyOf(sip);
        }

        /** A request the gateway answered itself, with no SIP leg. */
        public static Exchange local(long startNanos, String connection, String legacyPeer, Optional<String> user,
                SipcRequest request, SipcResponse answer, String reason) {
            TranslationEvent.Outcome.Kind kind = answer.status().isSuccess() ? TranslationEvent.Outcome.Kind.SUCCESS
                    : TranslationEvent.Outcome.Kind.REJECTED;
            return new Exchange(startNanos, connection, legacyPeer, user, TranslationEvent.Direction.LOCAL, request,
                    Optional.of(answer), List.of(), Optional.empty(), kind, Optional.of(reason));
        }
    }

    /** The kind of ending for a final SIP or SIP-C status. */
    public static TranslationEvent.Outcome.Kind kindOf(int status) {
        if (status == 408 || status == 504) {
            return TranslationEvent.Outcome.Kind.TIMEOUT;
        }
        return status / 100 == 2 ? TranslationEvent.Outcome.Kind.SUCCESS : TranslationEvent.Outcome.Kind.REJECTED;
    }

}
