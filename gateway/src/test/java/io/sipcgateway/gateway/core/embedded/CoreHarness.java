package io.sipcgateway.gateway.core.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.sipcgateway.gateway.core.TestSipUa;

/**
 * One embedded core plus the test UAs talking to it, all stopped together (in parallel: jain-sip's stop() sleeps
 * a second per stack).
 */
final class CoreHarness implements AutoCloseable {
    static final String DOMAIN = "example.test";

    private final EmbeddedCore core;
    private final List<TestSipUa> uas = new ArrayList<>();

    private CoreHarness(EmbeddedCore core) {
        this.core = core;
    }

    static CoreHarness start(EmbeddedCoreConfig config) throws Exception {
        return new CoreHarness(EmbeddedCore.start(config));
    }

    static CoreHarness start() throws Exception {
        return start(EmbeddedCoreConfig.loopback(DOMAIN));
    }

    EmbeddedCore core() {
        return core;
    }

    TestSipUa ua(String user, String transport) throws Exception {
        TestSipUa ua = TestSipUa.start(user, DOMAIN, core.address().getHostString(), core.address().getPort(),
                transport);
        synchronized (uas) {
            uas.add(ua);
        }
        return ua;
    }

    @Override
    public void close() {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        synchronized (uas) {
            for (TestSipUa ua : uas) {
                stops.add(CompletableFuture.runAsync(ua::close));
            }
            uas.clear();
        }
        stops.add(CompletableFuture.runAsync(core::stop));
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
    }
}
