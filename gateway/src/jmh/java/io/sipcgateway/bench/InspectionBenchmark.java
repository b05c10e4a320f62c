package io.sipcgateway.bench;

import io.sipcgateway.fixtures.Fixtures;
import io.sipcgateway.gateway.inspect.InspectOptions;
import io.sipcgateway.gateway.inspect.Inspector;
import io.sipcgateway.gateway.inspect.TranslationEvent;
import io.sipcgateway.gateway.inspect.TranslationRecorder;
import io.sipcgateway.gateway.inspect.metrics.GatewayMetrics;
import io.sipcgateway.mapping.CountingIdGenerator;
import io.sipcgateway.mapping.Correlation;
import io.sipcgateway.mapping.HostPort;
import io.sipcgateway.mapping.LegacyContext;
import io.sipcgateway.mapping.LegacyToCore;
import io.sipcgateway.mapping.LegacyUser;
import io.sipcgateway.mapping.Translation;
import io.sipcgateway.mapping.identity.InMemoryDirectory;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import io.sipcgateway.sipc.SipcStatus;
import io.sipcgateway.sipc.codec.SipcParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of inspection on the gateway's hot path: translate a legacy {@code M} to a SIP MESSAGE and write it (as
 * the bridge does before sending), then record the pair, with inspection off, or with all three sinks on (JSON Lines
 * file, pcap file, HEP over UDP to a local port). Both in one run; the recorder's own thread drains the sinks
 * concurrently on the same 2 cores. Two measures:
 * <ul>
 *   <li>{@code translateAndRecord}: the caller's cost, flat out. The recorder cannot keep up at that rate, so events
 *       are dropped (counted beside the score) and the score says what an I/O thread pays, not what is sustained.</li>
 *   <li>{@code translateRecordAndDrain}: the sustained cost. Each invocation translates and records {@value #BATCH}
 *       messages (less than the recorder's buffer, so nothing is dropped), then waits until the recorder has handed
 *       all of them to the sinks and flushed them ({@link Inspector#awaitIdle}). Its "all sinks / off" ratio is the
 *       cost of inspection at zero drops.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class InspectionBenchmark {
    /** Messages per invocation of the drained measure; well under the recorder's buffer (InspectorConfig, 1,024). */
    static final int BATCH = 500;
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

    @Param({"off", "all-sinks"})
    public String inspection;

    private SipcRequest message;
    private LegacyContext context;
    private TranslationRecorder recorder;
    private Inspector inspector;
    private Path dir;

    @Setup
    public void setUp() throws Exception {
        message = (SipcRequest) SipcParser.parse(Fixtures.wellFormedSipc()
                .filter(c -> c.sample().startsWith("21-")).findFirst().orElseThrow().bytes());
        context = new LegacyContext(new LegacyUser("916000001", Optional.of("300000001"),
                message.version()), "sipc.local", new HostPort("127.0.0.1", 5070),
                new CountingIdGenerator("127.0.0.1"), Clock.systemUTC(), InMemoryDirectory.demo("sipc.local"),
                Correlation.EMPTY);
        if (inspection.equals("off")) {
            recorder = TranslationRecorder.OFF;
            return;
        }
        dir = Files.createTempDirectory("inspection-bench");
        InspectOptions options = InspectOptions.NONE.withLog(dir.resolve("pairs.jsonl").toString())
                .withPcap(dir.resolve("legs.pcap")).withHep("127.0.0.1:9");
        inspector = Inspector.create(options.inspectorConfig(), options.openSinks(), GatewayMetrics.create());
        recorder = TranslationRecorder.to(inspector, Clock.systemUTC(), "127.0.0.1:8080", "127.0.0.1:5060",
                "127.0.0.1:5070");
    }

    @TearDown
    public void tearDown() {
        if (inspector != null) {
            inspector.close();
        }
    }

    /** Events the recorder could not take (buffer full), per iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Dropped {
        public long dropped;

        @Setup(Level.Iteration)
        public void reset() {
            dropped = 0;
        }
    }

    @Benchmark
    public Object translateAndRecord(Dropped counters) {
        long before = inspector == null ? 0 : inspector.dropped();
        Object wire = translateOnce();
        if (inspector != null) {
            counters.dropped += inspector.dropped() - before;
        }
        return wire;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void translateRecordAndDrain(Dropped counters, Blackhole blackhole) throws InterruptedException {
        long before = inspector == null ? 0 : inspector.dropped();
        for (int i = 0; i < BATCH; i++) {
            blackhole.consume(translateOnce());
        }
        if (inspector != null) {
            if (!inspector.awaitIdle(DRAIN_TIMEOUT)) {
                throw new IllegalStateException("the recorder did not drain " + BATCH + " events in " + DRAIN_TIMEOUT);
            }
            counters.dropped += inspector.dropped() - before;
        }
    }

    /** What the bridge does for one legacy M, and the recording if inspection is on. */
    private Object translateOnce() {
        long start = System.nanoTime();
        Translation translation = LegacyToCore.toCore(message, context);
        List<Request> sip = ((Translation.ToCore) translation).requests();
        String wire = sip.get(0).toString(); // what the stack encodes before sending
        SipcResponse answer = message.reply(SipcStatus.OK);
        if (recorder.enabled()) {
            recorder.record(new TranslationRecorder.Exchange(start, "c1", "127.0.0.1:40000", Optional.of("916000001"),
                    TranslationEvent.Direction.LEGACY_TO_CORE, message, Optional.of(answer), sip, Optional.empty(),
                    TranslationEvent.Outcome.Kind.SUCCESS, Optional.empty()));
        }
        return wire;
    }
}
