package io.sipcgateway.gateway.inspect.admin;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import io.sipcgateway.gateway.inspect.InspectionSink;
import io.sipcgateway.gateway.inspect.TranslationEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One {@code /events} reader. {@link #accept} runs on the inspector's recorder thread and never blocks: it filters,
 * appends to a bounded queue and asks the channel's event loop to drain. The drain writes only while the socket is
 * writable, so a reader that stops reading costs at most the queue plus the write-buffer high-water mark. When the
 * queue is full the event is dropped and counted; after {@code maxClientDrops} drops without the queue ever
 * emptying the reader is too far behind to be useful, and the stream is closed.
 */
final class SseSubscriber implements InspectionSink {
    private final Channel channel;
    private final EventFilter filter;
    private final AdminLimits limits;
    private final AtomicLong droppedTotal;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ArrayDeque<TranslationEvent> queue = new ArrayDeque<>(); // guarded by itself
    private int dropsSinceEmpty; // guarded by queue
    private long lastSentId = Long.MIN_VALUE; // event loop only
    private ScheduledFuture<?> heartbeat;

    SseSubscriber(Channel channel, EventFilter filter, AdminLimits limits, AtomicLong droppedTotal) {
        this.channel = channel;
        this.filter = filter;
        this.limits = limits;
        this.droppedTotal = droppedTotal;
    }

    /**
     * On the event loop, after the response head: writes the backlog (events newer than {@code after}, oldest
     * first) and starts the heartbeat. Subscribe before calling, so nothing falls between backlog and live events;
     * a live event already in the backlog is skipped by id.
     */
    void start(List<TranslationEvent> recent, long after, int backlog) {
        lastSentId = after; // the reader has those already
        channel.write(chunk("retry: 3000\n\n"));
        List<TranslationEvent> past = recent.stream().filter(e -> e.id() > after).filter(filter::matches)
                .sorted(Comparator.comparingLong(TranslationEvent::id)).toList();
        for (TranslationEvent event : past.subList(Math.max(0, past.size() - backlog), past.size())) {
            writeEvent(event);
        }
        channel.flush();
        heartbeat = channel.eventLoop().scheduleAtFixedRate(this::heartbeat, limits.heartbeatSeconds(),
                limits.heartbeatSeconds(), TimeUnit.SECONDS);
        channel.closeFuture().addListener(f -> heartbeat.cancel(false));
    }

    @Override
    public void accept(TranslationEvent event) {
        if (closed.get() || !filter.matches(event)) {
            return;
        }
        boolean farBehind = false;
        synchronized (queue) {
            if (queue.size() < limits.clientQueue()) {
                queue.addLast(event);
            } else {
                droppedTotal.incrementAndGet();
                farBehind = ++dropsSinceEmpty >= limits.maxClientDrops();
            }
        }
        if (farBehind) {
            close();
        } else if (drainScheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(this::drain);
        }
    }

    /** Called by the handler when the socket drains below the low-water mark. */
    void drain() {
        drainScheduled.set(false);
        boolean wrote = false;
        while (channel.isActive() && channel.isWritable()) {
            TranslationEvent event;
            synchronized (queue) {
                event = queue.pollFirst();
                if (event == null) {
                    dropsSinceEmpty = 0; // caught up: forgive earlier drops
                    break;
                }
            }
            if (event.id() > lastSentId) {
                writeEvent(event);
                wrote = true;
            }
        }
        if (wrote) {
            channel.flush();
        }
    }

    /**
     * Ends the stream and closes the connection; safe from any thread, more than once. The last chunk is written
     * if the socket takes it now; a reader that stopped reading is not waited for.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            channel.eventLoop().execute(() -> {
                if (channel.isActive() && channel.isWritable()) {
                    channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
                }
                channel.close();
            });
        }
    }

    private void heartbeat() {
        // Only when writable: a stalled reader gets nothing more buffered, and the comment keeps proxies and
        // idle timeouts from closing a quiet but healthy stream.
        if (channel.isWritable()) {
            channel.writeAndFlush(chunk(": keep-alive\n\n"));
        }
    }

    private void writeEvent(TranslationEvent event) {
        // AdminJson writes one line (strings are escaped), as an SSE "data:" field must be.
        channel.write(chunk("id: " + event.id() + "\ndata: " + AdminJson.of(event) + "\n\n"));
        lastSentId = event.id();
    }

    private static DefaultHttpContent chunk(String text) {
        ByteBuf bytes = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
        return new DefaultHttpContent(bytes);
    }
}
