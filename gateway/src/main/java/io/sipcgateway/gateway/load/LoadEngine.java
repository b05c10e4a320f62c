package io.sipcgateway.gateway.load;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.sipcgateway.gateway.client.ClientConfig;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * Runs one load: sign in the sessions at the ramp, send messages at the rate for the duration, hold the sessions
 * idle, close them. A progress line goes to {@code progress} every second. Everything is bounded by the config's
 * counts and timeouts; the shared event loop and every connection are closed before it returns.
 */
public final class LoadEngine {
    private final LoadConfig config;
    private final LoadStats stats = new LoadStats();
    private final MessagePump pump;
    private volatile String phase = "login";
    private final long started = System.nanoTime();

    private LoadEngine(LoadConfig config) {
        this.config = config;
        this.pump = new MessagePump(config, stats);
    }

    public static LoadReport run(LoadConfig config, Consumer<String> progress) throws InterruptedException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(progress, "progress");
        return new LoadEngine(config).run(progress);
    }

    private LoadReport run(Consumer<String> progress) throws InterruptedException {
        EventLoopGroup group = new NioEventLoopGroup(config.ioThreads(), new DefaultThreadFactory("load-io", true));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
                new DefaultThreadFactory("load-progress", true));
        // Keep-alives at the client's usual 70 s (capped by the gateway's X): idle sessions cost what real ones do.
        ClientConfig clientConfig = ClientConfig.DEFAULT.withAnswerTimeout(config.answerTimeout())
                .withListener(pump::onEvent).withKeepReceived(false);
        try (SessionPool pool = new SessionPool(config, stats, group, clientConfig)) {
            ticker.scheduleAtFixedRate(() -> progress.accept(progressLine()), 1, 1, TimeUnit.SECONDS);
            pool.open();
            double loginSeconds = pool.loginSeconds();
            phase = "send";
            double sendSeconds = pump.run(pool.signedIn());
            phase = "hold";
            Thread.sleep(config.hold().toMillis());
            phase = "close";
            ticker.shutdownNow();
            return new LoadReport(config.sessions(), stats.signedIn.get(), loginSeconds,
                    Percentiles.of(stats.login.total()), stats.sent.sum(), stats.answeredOk.sum(),
                    stats.delivered.sum(), sendSeconds, pump.steadyRate(), Percentiles.of(stats.answer.total()),
                    Percentiles.of(stats.delivery.total()), new LoadReport.PeerTraffic(
                            config.sipPeer().map(LoadConfig.SipPeer::uri).orElse(""), stats.peerSent.sum(),
                            stats.peerAnsweredOk.sum(), stats.fromOthers.sum()), stats.errors());
        } finally {
            ticker.shutdownNow();
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5_000);
        }
    }

    /** One line per second: phase, sessions, counters, and the last second's answer latency. */
    private String progressLine() {
        Histogram last = stats.answer.interval();
        stats.login.interval(); // keeps the login recorder's intervals flowing into its total
        stats.delivery.interval();
        return String.format(Locale.ROOT, "[%4ds] %-5s sessions %d/%d (%d tried) | sent %d ok %d arrived %d "
                + "err %d in-flight %d | last 1s: %d answers p50 %.2f p99 %.2f max %.2f ms",
                (System.nanoTime() - started) / 1_000_000_000L, phase, stats.signedIn.get(), config.sessions(),
                stats.loginsDone.get(), stats.sent.sum(), stats.answeredOk.sum(), stats.delivered.sum(),
                stats.errorCount(), stats.inFlight.get(), last.getTotalCount(),
                last.getValueAtPercentile(50) / 1000.0, last.getValueAtPercentile(99) / 1000.0,
                last.getMaxValue() / 1000.0);
    }
}
