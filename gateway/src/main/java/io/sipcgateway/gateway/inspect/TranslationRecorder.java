package io.sipcgateway.gateway.inspect;

import io.sipcgateway.gateway.inspect.metrics.GatewayMetrics;
import io.sipcgateway.sipc.SipcMessage;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.message.Message;
import javax.sip.message.Response;

/**
 * Turns what the bridge and the sessions see into {@link TranslationEvent} pairs for the {@link Inspector}. When
 * inspection is off ({@link #OFF}) nothing is built, so the hot path pays one branch; when on, the caller only hands
 * over references and a few numbers, and the event is built on the recorder thread.
 */
public final class TranslationRecorder {
    /** Records nothing. */
    public static final TranslationRecorder OFF = new TranslationRecorder(null, null, null, "", "", "");

    private final Inspector inspector;
    /** Counts every exchange, whether or not the inspector builds a pair of it (the one place that counts). */
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final String gatewayLegacy;
    private final String corePeer;
    private final String gatewayCore;
    private final AtomicLong ids = new AtomicLong();

    private TranslationRecorder(Inspector inspector, GatewayMetrics metrics, Clock clock, String gatewayLegacy,
            String corePeer, String gatewayCore) {
        this.inspector = inspector;
        this.metrics = metrics;
        this.clock = clock;
        this.gatewayLegacy = gatewayLegacy;
        this.corePeer = corePeer;
        this.gatewayCore = gatewayCore;
    }

    /** A recorder feeding {@code inspector}; the addresses are {@code ip:port} of the gateway's two sides. */
    public static TranslationRecorder to(Inspector inspector, Clock clock, String gatewayLegacy, String corePeer,
            String gatewayCore) {
        return new TranslationRecorder(Objects.requireNonNull(inspector, "inspector"), inspector.metrics(), clock,
                gatewayLegacy, corePeer, gatewayCore);
    }

    /**
     * Inspection off ({@code --no-inspect}): no pair is built or kept, but every exchange is still counted in
     * {@code metrics} from its typed fields, as {@link Inspector#record} counts it.
     */
    public static TranslationRecorder metricsOnly(GatewayMetrics metrics) {
        return new TranslationRecorder(null, Objects.requireNonNull(metrics, "metrics"), null, "", "", "");
    }

    /** Whether {@link #record} does anything: callers skip building the {@link Exchange} when it does not. */
    public boolean enabled() {
        return metrics != null;
    }

    /**
     * One exchange: the legacy message that started it (or the one sent for a core request), the SIP messages it
     * became or came from, the final answers, and how it ended. The caller pays for an id, a clock reading, the
     * latency and the metrics (counted by type, not text); the text, the correlation and the masking are built on
     * the recorder thread ({@link PendingExchange#toEvent()}). Never blocks.
     *
     * <p>The messages must not change after this call, since their text is taken later. SIP-C messages are immutable.
     * The jain-sip messages are not changed either, at every call site (checked against jain-sip-ri 1.3.0-91):
     * <ul>
     *   <li>{@code SipCoreBridge.forward} records after every core answer (or the timeout): the requests were sent by
     *       then, and {@code Publications} clones a PUBLISH before it changes one ({@code withIfMatch},
     *       {@code fresh}, {@code lastPublish}); the answer is the stack's received response, which it only reads.</li>
     *   <li>{@code CoreInbound} records after answering the core: {@code createResponse} clones the request's
     *       headers ({@code SIPRequest.createResponse}), and the request is only read afterwards.</li>
     *   <li>When a transaction ends, the stack calls {@code SIPMessage.cleanUp()}, whose body is commented out in
     *       1.3.0-91, and clears the transaction pointer, which is not part of the text. A UDP retransmission
     *       re-encodes the message and sets the top Via's transport to the value it already has.</li>
     * </ul>
     * Whoever adds a call site that keeps changing a message after recording must record a clone of it.
     */
    public void record(Exchange exchange) {
        if (metrics == null) {
            return;
        }
        long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - exchange.startNanos());
        metrics.onExchange(exchange.legacy(), exchange.direction(), exchange.kind(), micros);
        if (inspector == null) {
            return;
        }
        inspector.record(new PendingExchange(ids.incrementAndGet(), clock.instant(), micros, exchange,
                gatewayLegacy, corePeer, gatewayCore));
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
            // Checked here, on the caller: the event is built later, where a null would only be logged.
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(legacyPeer, "legacyPeer");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(legacy, "legacy");
            Objects.requireNonNull(legacyAnswer, "legacyAnswer");
            sip = List.copyOf(sip);
            Objects.requireNonNull(sipAnswer, "sipAnswer");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
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
