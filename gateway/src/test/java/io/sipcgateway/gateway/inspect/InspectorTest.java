package io.sipcgateway.gateway.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.inspect.json.JsonLinesSink;
import io.sipcgateway.gateway.inspect.metrics.GatewayMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectorTest {

    /** Collects what it is given; records the thread it was called on. */
    static class Collecting implements InspectionSink {
        final List<TranslationEvent> events = Collections.synchronizedList(new ArrayList<>());
        final AtomicReference<Thread> thread = new AtomicReference<>();
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public void accept(TranslationEvent event) {
            thread.set(Thread.currentThread());
            events.add(event);
        }

        @Override
        public void close() {
            closed.set(true);
        }

        List<Long> ids() {
            synchronized (events) {
                return events.stream().map(TranslationEvent::id).toList();
            }
        }
    }

    /** Blocks on its first event until released or interrupted. */
    static final class Stuck implements InspectionSink {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicReference<Thread> thread = new AtomicReference<>();

        @Override
        public void accept(TranslationEvent event) {
            thread.set(Thread.currentThread());
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void recordReturnsAtOnceAndCountsDropsWhileASinkIsStuck() throws Exception {
        GatewayMetrics metrics = GatewayMetrics.create();
        Stuck stuck = new Stuck();
        Inspector inspector = Inspector.create(new InspectorConfig(8, 10, false), List.of(stuck), metrics);
        assertTrue(inspector.record(Pairs.plain(0)));
        assertTrue(stuck.entered.await(5, TimeUnit.SECONDS), "the recorder reached the stuck sink");
        int accepted = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            int n = 0;
            for (long id = 1; id <= 1000; id++) {
                n += inspector.record(Pairs.plain(id)) ? 1 : 0;
            }
            return n;
        }, "1000 records must not wait for the stuck sink");
        assertEquals(8, accepted, "exactly the buffer's room was accepted");
        assertEquals(992, inspector.dropped());
        assertTrue(metrics.scrape().contains("sipc_gateway_inspection_dropped_total 992.0"), metrics.scrape());

        long start = System.nanoTime();
        inspector.close();
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(6), "close is bounded");
        assertFalse(stuck.thread.get().isAlive(), "the recorder thread ended: no thread leak after close()");
        assertFalse(inspector.record(Pairs.plain(2000)), "a closed inspector records nothing");
    }

    @Test
    void eventsReachEverySinkInOrderOnTheRecorderThread() {
        Collecting first = new Collecting();
        Collecting second = new Collecting();
        Inspector inspector = Inspector.create(new InspectorConfig(10_000, 10, false), List.of(first, second),
                GatewayMetrics.create());
        for (long id = 0; id < 5000; id++) {
            assertTrue(inspector.record(Pairs.plain(id)));
        }
        inspector.close();
        List<Long> expected = LongStream.range(0, 5000).boxed().toList();
        assertEquals(expected, first.ids());
        assertEquals(expected, second.ids());
        assertTrue(first.thread.get().getName().startsWith("sipc-inspector-"), first.thread.get().getName());
        assertFalse(first.thread.get().isAlive());
        assertTrue(first.closed.get() && second.closed.get(), "sinks are closed by close()");
    }

    @Test
    void aFailingSinkDoesNotStopTheOthers() {
        GatewayMetrics metrics = GatewayMetrics.create();
        InspectionSink failing = event -> {
            throw new IllegalStateException("disk full");
        };
        Collecting after = new Collecting();
        Inspector inspector = Inspector.create(InspectorConfig.DEFAULT, List.of(failing, after), metrics);
        inspector.record(Pairs.plain(1));
        inspector.record(Pairs.plain(2));
        inspector.close();
        assertEquals(List.of(1L, 2L), after.ids());
        assertTrue(metrics.scrape().contains("sipc_gateway_inspection_sink_failures_total 2.0"));
    }

    @Test
    void liveSubscribersGetEventsUntilUnsubscribedAndFailingOnesAreRemoved() throws Exception {
        Collecting sink = new Collecting();
        Inspector inspector = Inspector.create(InspectorConfig.DEFAULT, List.of(sink), GatewayMetrics.create());
        Collecting live = new Collecting();
        AtomicReference<Integer> failures = new AtomicReference<>(0);
        InspectionSink broken = event -> {
            failures.set(failures.get() + 1);
            throw new IllegalStateException("client went away");
        };
        inspector.subscribe(live);
        inspector.subscribe(broken);
        inspector.record(Pairs.plain(1));
        inspector.record(Pairs.plain(2));
        awaitSize(sink, 2);
        inspector.unsubscribe(live);
        inspector.record(Pairs.plain(3));
        inspector.close();
        assertEquals(List.of(1L, 2L), live.ids());
        assertEquals(1, failures.get(), "a live listener that throws is unsubscribed at once");
        assertEquals(List.of(1L, 2L, 3L), sink.ids());
        assertFalse(live.closed.get(), "live listeners belong to their owner");
    }

    @Test
    void recentKeepsTheLastEventsOldestFirst() throws Exception {
        Collecting sink = new Collecting();
        Inspector inspector = Inspector.create(new InspectorConfig(100, 3, false), List.of(sink),
                GatewayMetrics.create());
        for (long id = 1; id <= 5; id++) {
            inspector.record(Pairs.plain(id));
        }
        awaitSize(sink, 5);
        assertEquals(List.of(3L, 4L, 5L), inspector.recent(10).stream().map(TranslationEvent::id).toList());
        assertEquals(List.of(5L), inspector.recent(1).stream().map(TranslationEvent::id).toList());
        assertEquals(List.of(), inspector.recent(0));
        inspector.close();
    }

    @Test
    void sinksAndSubscribersSeeMaskedEventsOnly() {
        Collecting sink = new Collecting();
        Inspector inspector = Inspector.create(InspectorConfig.DEFAULT.withRedactBodies(true), List.of(sink),
                GatewayMetrics.create());
        Pairs.login().forEach(inspector::record);
        inspector.close();
        String seen = sink.events.toString();
        Pairs.SECRETS.forEach(secret -> assertFalse(seen.contains(secret), secret));
        assertTrue(seen.contains("[redacted 375 bytes]"), "the R's 375-byte body is redacted");
        assertTrue(inspector.recent(10).toString().contains("response=\"***\""));
    }

    @Test
    void metricsCountEveryRecordedEventEvenWhenDropped() {
        GatewayMetrics metrics = GatewayMetrics.create();
        Inspector inspector = Inspector.create(new InspectorConfig(1, 0, false), List.of(), metrics);
        inspector.close();
        Pairs.all().forEach(inspector::record);
        assertEquals(Pairs.all().size(), inspector.dropped());
        String expected =
                "sipc_gateway_messages_total{direction=\"legacy_to_core\",method=\"REGISTER\",outcome=\"success\"} 1.0";
        assertTrue(metrics.scrape().contains(expected), metrics.scrape());
    }

    @Test
    void closeFromASinkEndsTheRecorderWithoutWaitingOnItself() {
        AtomicReference<Inspector> self = new AtomicReference<>();
        Collecting after = new Collecting();
        InspectionSink closing = event -> self.get().close();
        Inspector inspector = Inspector.create(InspectorConfig.DEFAULT, List.of(closing, after),
                GatewayMetrics.create());
        self.set(inspector);
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            inspector.record(Pairs.plain(1));
            inspector.close();
        });
        assertEquals(List.of(1L), after.ids());
        assertTrue(after.closed.get());
    }

    @Test
    void awaitIdleReturnsWhenEveryEarlierEventIsInTheFile(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("pairs.jsonl");
        Inspector inspector = Inspector.create(InspectorConfig.DEFAULT,
                List.of(JsonLinesSink.file(log, JsonLinesSink.DEFAULT_MAX_BYTES, 1)), GatewayMetrics.create());
        for (long id = 1; id <= 500; id++) {
            assertTrue(inspector.record(Pairs.plain(id)));
        }
        assertTrue(inspector.awaitIdle(Duration.ofSeconds(5)));
        assertEquals(500, Files.readAllLines(log).size(), "all written out before close");
        inspector.close();
        assertFalse(inspector.awaitIdle(Duration.ofMillis(10)), "a closed inspector is never idle");
    }

    @Test
    void sinksAreFlushedOnceTheBufferIsEmpty() throws Exception {
        CountDownLatch flushed = new CountDownLatch(1);
        Collecting collecting = new Collecting() {
            @Override
            public void flush() {
                flushed.countDown();
            }
        };
        Inspector inspector = Inspector.create(InspectorConfig.DEFAULT, List.of(collecting), GatewayMetrics.create());
        inspector.record(Pairs.plain(1));
        assertTrue(flushed.await(5, TimeUnit.SECONDS), "flushed without awaitIdle or close");
        assertEquals(List.of(1L), collecting.ids());
        inspector.close();
    }

    private static void awaitSize(Collecting sink, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sink.events.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(size, sink.events.size());
    }
}
