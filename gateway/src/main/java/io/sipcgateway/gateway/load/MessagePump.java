package io.sipcgateway.gateway.load;

import io.sipcgateway.gateway.client.ClientEvent;
import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends messages open-loop: message {@code k} is due at {@code start + k / rate} whatever happened to the earlier
 * ones, and its latency counts from that intended time, so a stalled gateway shows up in the percentiles instead of
 * slowing the sender (coordinated omission). With {@link LoadConfig#inFlight()} set it sends closed-loop instead:
 * that many messages are kept unanswered, each answer (or failure) sending the next, so the rate settles at what
 * the gateway carries; latency then counts from the actual send. Session {@code i} writes to session {@code i + 1}, its first buddy
 * in the generated directory. The text carries the intended time, so the receiving side measures arrival without
 * any shared table. With {@link LoadConfig#sipPeer()} a share of the messages goes to a standard SIP user on the
 * core instead (answered, never "delivered" here); messages from such users to the sessions are counted apart.
 */
final class MessagePump {
    private static final String PREFIX = "load ";

    private final LoadConfig config;
    private final LoadStats stats;
    private volatile long measureFrom = Long.MAX_VALUE;
    private volatile long measureTo = Long.MAX_VALUE;
    private final AtomicLong next = new AtomicLong();

    MessagePump(LoadConfig config, LoadStats stats) {
        this.config = config;
        this.stats = stats;
    }

    /** Sends for the configured duration, then waits (bounded) for the answers; seconds from first send to end. */
    double run(List<SessionPool.Session> sessions) {
        if ((config.rate() <= 0 && config.inFlight() == 0) || config.duration().isZero() || sessions.size() < 2) {
            return 0;
        }
        long start = System.nanoTime();
        long end = start + config.duration().toNanos();
        measureFrom = start + config.warmup().toNanos();
        measureTo = end;
        if (config.inFlight() > 0) {
            for (int i = 0; i < config.inFlight(); i++) {
                sendNext(sessions, end);
            }
            SessionPool.sleepUntil(end);
        } else {
            sendAtRate(sessions, start, end);
        }
        long timeoutMillis = config.answerTimeout().toMillis();
        long drainBound = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis + 1000);
        while (stats.inFlight.get() > 0 && System.nanoTime() < drainBound) {
            SessionPool.sleepUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Answers per second that arrived between the end of the warm-up and the end of the duration. */
    double steadyRate() {
        long window = measureTo - measureFrom;
        return window > 0 && measureTo != Long.MAX_VALUE ? stats.answeredInWindow.sum() * 1e9 / window : 0;
    }

    private void sendAtRate(List<SessionPool.Session> sessions, long start, long end) {
        double interval = 1e9 / config.rate();
        for (long k = 0; ; k++) {
            long intended = start + (long) (k * interval);
            if (intended >= end) {
                break;
            }
            SessionPool.sleepUntil(intended);
            if (stats.inFlight.get() >= LoadConfig.MAX_IN_FLIGHT) {
                stats.error("M: not sent, " + LoadConfig.MAX_IN_FLIGHT + " unanswered");
                continue;
            }
            long message = k;
            send(sessions, message, intended).whenComplete((answer, failure) -> answered(message, intended, answer,
                    failure));
        }
    }

    /** One closed-loop step: send the next message now, and the one after when this one ends (until {@code end}). */
    private void sendNext(List<SessionPool.Session> sessions, long end) {
        long now = System.nanoTime();
        if (now >= end) {
            return;
        }
        long k = next.getAndIncrement();
        send(sessions, k, now).whenComplete((answer, failure) -> {
            answered(k, now, answer, failure);
            sendNext(sessions, end);
        });
    }

    /** Message {@code k}: from session {@code k mod n} to the next session, or to the SIP peer for its share. */
    private CompletableFuture<SipcResponse> send(List<SessionPool.Session> sessions, long k, long intended) {
        int n = sessions.size();
        int from = (int) (k % n);
        boolean toPeer = toPeer(k);
        String to = toPeer ? config.sipPeer().orElseThrow().uri() : sessions.get((from + 1) % n).sid();
        stats.inFlight.incrementAndGet();
        stats.sent.increment();
        if (toPeer) {
            stats.peerSent.increment();
        }
        return sessions.get(from).client().sendMessageAsync(to, PREFIX + k + " " + intended)
                .orTimeout(config.answerTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private boolean toPeer(long k) {
        return config.sipPeer().filter(peer -> peer.takes(k)).isPresent();
    }

    private void answered(long k, long intended, SipcResponse answer, Throwable failure) {
        stats.inFlight.decrementAndGet();
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof TimeoutException) {
            stats.error("M: timeout");
        } else if (cause != null) {
            stats.error("M: " + cause.getClass().getSimpleName());
        } else if (!answer.status().isSuccess()) {
            stats.error("M: " + answer.code());
        } else {
            stats.answeredOk.increment();
            if (toPeer(k)) {
                stats.peerAnsweredOk.increment();
            }
            long now = System.nanoTime();
            if (intended >= measureFrom) {
                stats.answer.recordNanos(now - intended);
            }
            if (now >= measureFrom && now < measureTo) {
                stats.answeredInWindow.increment();
            }
        }
    }

    /** The client listener's part: a load message arriving at its receiver (on the event loop; must not block). */
    void onEvent(ClientEvent event) {
        if (event instanceof ClientEvent.Message m && m.direction() == ClientEvent.Direction.IN
                && m.message() instanceof SipcRequest request && request.method().equals(SipcMethod.M)) {
            // v4 receivers get the text wrapped in a <Font> fragment: find the marker, then the digits after it.
            String text = request.body().utf8();
            int at = text.indexOf(PREFIX);
            if (at < 0) {
                stats.fromOthers.increment(); // a standard SIP user's message (e.g. gateway/load/message_to_legacy.xml)
                return;
            }
            int space = at < 0 ? -1 : text.indexOf(' ', at + PREFIX.length());
            if (space > 0) {
                int end = space + 1;
                while (end < text.length() && Character.isDigit(text.charAt(end))) {
                    end++;
                }
                try {
                    long intended = Long.parseLong(text, space + 1, end, 10);
                    stats.delivered.increment();
                    if (intended >= measureFrom) {
                        stats.delivery.recordNanos(System.nanoTime() - intended);
                    }
                } catch (NumberFormatException e) {
                    stats.error("arrival: unreadable load text");
                }
            }
        }
    }
}
