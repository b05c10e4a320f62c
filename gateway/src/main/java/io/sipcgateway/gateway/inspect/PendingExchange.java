package io.sipcgateway.gateway.inspect;

import io.sipcgateway.sipc.SipcMessage;
import io.sipcgateway.sipc.SipcResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.Response;

/**
 * An exchange as its caller handed it over: references to the messages and the numbers that must be taken at once
 * (id, time, latency). {@link #toEvent()} runs on the recorder thread and does everything costly: the text of both
 * legs, the correlation ids and the key, so that an I/O thread pays for none of it.
 *
 * <p>Deferring the text is safe because nothing changes the messages after {@code record}: SIP-C messages are
 * immutable records, and the jain-sip messages are not mutated by the bridge or the stack once the exchange is
 * recorded (the reasoning, call site by call site, is in {@link TranslationRecorder#record}).
 *
 * @param latencyMicros from the triggering message to the call of {@code record}
 */
record PendingExchange(long id, Instant time, long latencyMicros, TranslationRecorder.Exchange exchange,
        String gatewayLegacy, String corePeer, String gatewayCore) implements PendingEvent {

    PendingExchange {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(exchange, "exchange");
    }

    /** The full, unmasked event. */
    TranslationEvent toEvent() {
        TranslationRecorder.Exchange x = exchange;
        List<String> sip = new ArrayList<>(x.sip().size() + 1);
        List<String> callIds = new ArrayList<>(1);
        List<String> cseqs = new ArrayList<>(1);
        List<String> branches = new ArrayList<>(1);
        for (Message message : x.sip()) {
            sip.add(message.toString());
            CallIdHeader callId = (CallIdHeader) message.getHeader(CallIdHeader.NAME);
            CSeqHeader cseq = (CSeqHeader) message.getHeader(CSeqHeader.NAME);
            ViaHeader via = (ViaHeader) message.getHeader(ViaHeader.NAME);
            addIfAbsent(callIds, callId == null ? null : callId.getCallId());
            addIfAbsent(cseqs, cseq == null ? null : cseq.getSeqNumber() + " " + cseq.getMethod());
            addIfAbsent(branches, via == null ? null : via.getBranch());
        }
        x.sipAnswer().ifPresent(r -> sip.add(r.toString()));
        SipcMessage legacy = x.legacy();
        String legacyText = x.legacyAnswer().isEmpty() ? utf8(legacy)
                : utf8(legacy) + utf8(x.legacyAnswer().get());
        Optional<String> legacyCallId = legacy.callId();
        Optional<String> legacyCseq = legacy.cseq().map(Object::toString);
        String key = x.connection() + ":" + legacyCallId.orElse("-") + ":" + legacyCseq.orElse("-");
        return new TranslationEvent(id, time, x.connection(), x.legacyPeer(), gatewayLegacy, corePeer, gatewayCore,
                x.user(), x.direction(), legacyText, sip,
                new TranslationEvent.Correlation(key, legacyCallId, legacyCseq, callIds, cseqs, branches),
                new TranslationEvent.Outcome(x.kind(), legacyStatus(x), x.sipAnswer().map(Response::getStatusCode),
                        Optional.of(latencyMicros), x.reason()));
    }

    /** The final SIP-C status: of the answer, else of the message itself when it is a response. */
    private static Optional<Integer> legacyStatus(TranslationRecorder.Exchange x) {
        return x.legacyAnswer().map(SipcResponse::code)
                .or(() -> x.legacy() instanceof SipcResponse r ? Optional.of(r.code()) : Optional.empty());
    }

    private static String utf8(SipcMessage message) {
        return new String(message.toBytes(), StandardCharsets.UTF_8);
    }

    private static void addIfAbsent(List<String> list, String value) {
        if (value != null && !list.contains(value)) {
            list.add(value);
        }
    }
}
