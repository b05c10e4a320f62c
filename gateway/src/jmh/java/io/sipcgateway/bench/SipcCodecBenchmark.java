package io.sipcgateway.bench;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.sipcgateway.fixtures.Capture;
import io.sipcgateway.fixtures.Fixtures;
import io.sipcgateway.sipc.SipcMessage;
import io.sipcgateway.sipc.codec.SipcDecoder;
import io.sipcgateway.sipc.codec.SipcEncoder;
import io.sipcgateway.sipc.codec.SipcParser;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SIP-C decode and encode against jain-sip's {@code StringMsgParser} on the equivalent standard SIP message, in one
 * run, so the ratio holds on a noisy machine. Each kind pairs a captured SIP-C message with the SIP message the
 * gateway would exchange with the core for it ({@link SipEquivalents}). Batched decoding feeds {@value #BATCH}
 * back-to-back messages per read, as a busy TCP connection delivers them (section 1.2); single decoding feeds one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class SipcCodecBenchmark {
    static final int BATCH = 64;

    @Param({"login", "presence", "message"})
    public String kind;

    private byte[] sipc;
    private byte[] sipcBatch;
    private byte[] sip;
    private SipcMessage decoded;
    private SIPMessage sipMessage;
    private EmbeddedChannel channel;
    private final StringMsgParser sipParser = new StringMsgParser();
    private ByteBuf encodeBuffer;
    private long received;

    @Setup
    public void setUp() throws Exception {
        sipc = capture(kind).bytes();
        sipcBatch = new byte[sipc.length * BATCH];
        for (int i = 0; i < BATCH; i++) {
            System.arraycopy(sipc, 0, sipcBatch, i * sipc.length, sipc.length);
        }
        sip = SipEquivalents.of(kind).getBytes(StandardCharsets.UTF_8);
        decoded = SipcParser.parse(sipc);
        sipMessage = sipParser.parseSIPMessage(sip, true, false, null);
        if (sipMessage == null) {
            throw new IllegalStateException("jain-sip rejected the " + kind + " equivalent");
        }
        channel = new EmbeddedChannel(new SipcDecoder(), new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                received++; // consume, so nothing queues in the embedded channel
            }
        });
        encodeBuffer = Unpooled.buffer(4096);
    }

    @TearDown
    public void tearDown() {
        if (received == 0) {
            throw new IllegalStateException("the decoder produced nothing");
        }
        channel.finishAndReleaseAll();
        encodeBuffer.release();
    }

    static Capture capture(String kind) {
        String sample = switch (kind) {
            case "login" -> "43-";      // v2 R #1 with its <args> body (CAPTURE, official client)
            case "presence" -> "10-";   // v4 BN PresenceV4 (FIXTURE)
            case "message" -> "25-";    // v4 incoming M (FIXTURE)
            default -> throw new IllegalArgumentException(kind);
        };
        return Fixtures.wellFormedSipc().filter(c -> c.sample().startsWith(sample)).findFirst().orElseThrow();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long decodeSipcBatched() {
        channel.writeInbound(Unpooled.wrappedBuffer(sipcBatch));
        return received;
    }

    @Benchmark
    public long decodeSipcSingle() {
        channel.writeInbound(Unpooled.wrappedBuffer(sipc));
        return received;
    }

    @Benchmark
    public SIPMessage parseSipJainSip() throws Exception {
        return sipParser.parseSIPMessage(sip, true, false, null);
    }

    @Benchmark
    public int encodeSipc() {
        encodeBuffer.clear();
        SipcEncoder.writeTo(decoded, encodeBuffer);
        return encodeBuffer.readableBytes();
    }

    @Benchmark
    public byte[] encodeSipJainSip() {
        return sipMessage.encodeAsBytes("TCP");
    }
}
