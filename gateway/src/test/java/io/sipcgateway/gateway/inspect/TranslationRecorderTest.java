package io.sipcgateway.gateway.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.fixtures.Fixtures;
import io.sipcgateway.gateway.inspect.TranslationEvent.Direction;
import io.sipcgateway.gateway.inspect.TranslationEvent.Outcome.Kind;
import io.sipcgateway.gateway.inspect.json.EventJson;
import io.sipcgateway.gateway.inspect.json.JsonLinesSink;
import io.sipcgateway.gateway.inspect.metrics.GatewayMetrics;
import io.sipcgateway.gateway.inspect.pcap.PcapSink;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import io.sipcgateway.sipc.SipcStatus;
import io.sipcgateway.sipc.codec.SipcParser;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sip.SipFactory;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranslationRecorderTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);

    private final SipcRequest register = (SipcRequest) SipcParser.parse(
            Fixtures.bytes("sipc/login-v4/03-c2s-register-auth.sipc"));
    private final SipcResponse ok = register.reply(SipcStatus.OK);
    private final Request sipRegister = sipRequest("cases/register-v4-auth/core.sip");

    @Test
    void theRecorderThreadBuildsMasksAndCorrelatesTheEvent() throws Exception {
        InspectorTest.Collecting sink = new InspectorTest.Collecting();
        Inspector inspector = Inspector.create(InspectorConfig.DEFAULT, List.of(sink), GatewayMetrics.create());
        TranslationRecorder recorder = recorderFor(inspector);

        recorder.record(exchange());
        assertTrue(inspector.awaitIdle(Duration.ofSeconds(5)));
        inspector.close();

        TranslationEvent event = sink.events.get(0);
        assertNotSame(Thread.currentThread(), sink.thread.get(), "built on the recorder thread");
        String legacyText = utf8(register.toBytes()) + utf8(ok.toBytes());
        assertTrue(legacyText.contains(Pairs.RSA_RESPONSE), "the fixture holds the secret this test looks for");
        assertEquals(Masking.message(legacyText, false), event.sipc());
        assertFalse(event.sipc().contains(Pairs.RSA_RESPONSE));
        assertEquals(List.of(Masking.message(sipRegister.toString(), false)), event.sip());
        String callId = register.callId().orElseThrow();
        String cseq = register.cseq().orElseThrow().toString();
        assertEquals("c1:" + callId + ":" + cseq, event.correlation().key());
        assertEquals(List.of(((javax.sip.header.CallIdHeader) sipRegister.getHeader("Call-ID")).getCallId()),
                event.correlation().sipCallIds());
        assertEquals(Optional.of(200), event.outcome().legacyStatus());
        assertTrue(event.outcome().latencyMicros().isPresent());
        assertEquals(CLOCK.instant(), event.time());
    }

    @Test
    void inspectionOffStillCountsEveryExchangeInTheMetricsAndBuildsNoEvent() {
        GatewayMetrics metrics = GatewayMetrics.create();
        TranslationRecorder off = TranslationRecorder.metricsOnly(metrics);
        assertTrue(off.enabled(), "call sites must still hand over their exchanges");
        for (int i = 0; i < 3; i++) {
            off.record(exchange());
        }
        String line = metrics.scrape().lines().filter(l -> l.startsWith("sipc_gateway_messages_total{"))
                .filter(l -> l.contains("method=\"REGISTER\"") && l.contains("direction=\"legacy_to_core\""))
                .findFirst().orElseThrow();
        assertTrue(line.endsWith(" 3.0"), line);
        assertFalse(TranslationRecorder.OFF.enabled());
    }

    @Test
    void noInspectCannotBeCombinedWithASink() {
        assertTrue(InspectOptions.NONE.withOff(true).off());
        assertThrows(IllegalArgumentException.class,
                () -> InspectOptions.NONE.withPcap(Path.of("x.pcap")).withOff(true));
    }

    @Test
    void metricsCountEveryExchangeOnTheCallerEvenWhenDropped() throws Exception {
        GatewayMetrics metrics = GatewayMetrics.create();
        InspectorTest.Stuck stuck = new InspectorTest.Stuck();
        Inspector inspector = Inspector.create(new InspectorConfig(1, 0, false), List.of(stuck), metrics);
        TranslationRecorder recorder = recorderFor(inspector);
        recorder.record(exchange());
        assertTrue(stuck.entered.await(5, TimeUnit.SECONDS));
        for (int i = 0; i < 20; i++) {
            recorder.record(exchange());
        }
        assertEquals(19, inspector.dropped(), "one fits the buffer behind the stuck one");
        String line = metrics.scrape().lines().filter(l -> l.startsWith("sipc_gateway_messages_total{"))
                .filter(l -> l.contains("method=\"REGISTER\"") && l.contains("direction=\"legacy_to_core\""))
                .findFirst().orElseThrow();
        assertTrue(line.endsWith(" 21.0"), line);
        assertTrue(metrics.scrape().contains("sipc_gateway_translation_latency_seconds_count{direction="
                + "\"legacy_to_core\"} 21"), metrics.scrape());
        stuck.release.countDown();
        inspector.close();
    }

    @Test
    void closeWritesOutEveryEventTheFileSinksBuffered(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("pairs.jsonl");
        Path pcap = dir.resolve("legs.pcap");
        // A buffer that holds them all: this test is about close writing out what was buffered, not about drops.
        Inspector inspector = Inspector.create(new InspectorConfig(4096, InspectorConfig.DEFAULT_RECENT_SIZE, false),
                List.of(JsonLinesSink.file(log, JsonLinesSink.DEFAULT_MAX_BYTES, 1), PcapSink.open(pcap, 1L << 30)),
                GatewayMetrics.create());
        TranslationRecorder recorder = recorderFor(inspector);
        int events = 3000;
        for (int i = 0; i < events; i++) {
            recorder.record(exchange());
        }
        inspector.close();

        assertEquals(0, inspector.dropped());
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertEquals(events, lines.size());
        assertEquals(events, EventJson.parse(lines.get(events - 1)).id());
        int records = pcapRecords(Files.readAllBytes(pcap));
        assertTrue(records >= 2 * events, "a TCP and a UDP frame per event at least: " + records);
    }

    private TranslationRecorder.Exchange exchange() {
        return new TranslationRecorder.Exchange(System.nanoTime(), "c1", Pairs.LEGACY_PEER, Optional.of("916000001"),
                Direction.LEGACY_TO_CORE, register, Optional.of(ok), List.of(sipRegister), Optional.empty(),
                Kind.SUCCESS, Optional.empty());
    }

    private static TranslationRecorder recorderFor(Inspector inspector) {
        return TranslationRecorder.to(inspector, CLOCK, Pairs.GATEWAY_LEGACY, Pairs.CORE_PEER, Pairs.GATEWAY_CORE);
    }

    /** Walks the pcap's record headers to the end; fails on a partial record. */
    private static int pcapRecords(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        in.position(24);
        int records = 0;
        while (in.hasRemaining()) {
            assertTrue(in.remaining() >= 16, "a whole record header");
            in.position(in.position() + 8);
            int captured = in.getInt();
            in.getInt();
            assertTrue(in.remaining() >= captured, "a whole record");
            in.position(in.position() + captured);
            records++;
        }
        return records;
    }

    private static Request sipRequest(String path) {
        try {
            return SipFactory.getInstance().createMessageFactory().createRequest(Pairs.fixture(path));
        } catch (Exception e) {
            throw new IllegalStateException(path, e);
        }
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
