package io.sipcgateway.gateway.core.embedded;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javax.sip.message.Request;

import io.sipcgateway.gateway.core.SipOutcome;
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

    /** The contact URIs a 200 to REGISTER lists. */
    static List<String> contactUris(SipOutcome outcome) {
        return TestSipUa.contacts(outcome.response()).stream()
                .map(c -> c.getAddress().getURI().toString())
                .toList();
    }

    /** A request body as UTF-8 text. */
    static String text(Request request) {
        return new String(request.getRawContent(), StandardCharsets.UTF_8);
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
