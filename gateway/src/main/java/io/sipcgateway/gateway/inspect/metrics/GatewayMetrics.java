package io.sipcgateway.gateway.inspect.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.sipcgateway.gateway.inspect.TranslationEvent;
import io.sipcgateway.sipc.SipcMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;

/**
 * The gateway's Prometheus metrics (client_java 1.x), scraped as the text exposition format 0.0.4. Counters and gauges
 * are lock-free, so I/O threads may update them. Label values are bounded: methods are the known ones or
 * {@code OTHER}, directions and outcomes are enums, caches are the few registered by name.
 *
 * <pre>
 * sipc_gateway_messages_total{method,direction,outcome}       messages that crossed the gateway
 * sipc_gateway_translation_latency_seconds{direction}         trigger to final answer (histogram)
 * sipc_gateway_connections                                    legacy TCP connections open
 * sipc_gateway_signed_in_users                                legacy users signed in
 * sipc_gateway_registrations / sipc_gateway_subscriptions     from suppliers
 * sipc_gateway_cache_entries{cache}                           from suppliers
 * sipc_gateway_inspection_dropped_total                       events the inspector's buffer had no room for
 * sipc_gateway_inspection_sink_failures_total                 events a sink threw on
 * </pre>
 */
public final class GatewayMetrics {
    /** The content type of {@link #scrape()}. */
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;
    static final int MAX_CACHES = 32;
    private static final double[] LATENCY_BUCKETS =
            {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 32};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = new PrometheusTextFormatWriter(false);
    private final Counter messages;
    private final Histogram latency;
    private final Gauge connections;
    private final Gauge signedIn;
    private final Counter dropped;
    private final Counter sinkFailures;
    private final AtomicReference<DoubleSupplier> registrations = new AtomicReference<>();
    private final AtomicReference<DoubleSupplier> subscriptions = new AtomicReference<>();
    private final Map<String, DoubleSupplier> caches = new ConcurrentHashMap<>();

    private GatewayMetrics() {
        messages = Counter.builder().name("sipc_gateway_messages").help("Messages that crossed the gateway")
                .labelNames("method", "direction", "outcome").register(registry);
        latency = Histogram.builder().name("sipc_gateway_translation_latency_seconds")
                .help("From the triggering message to the final answer").labelNames("direction")
                .classicOnly().classicUpperBounds(LATENCY_BUCKETS).register(registry);
        connections = Gauge.builder().name("sipc_gateway_connections").help("Legacy TCP connections open")
                .register(registry);
        signedIn = Gauge.builder().name("sipc_gateway_signed_in_users").help("Legacy users signed in")
                .register(registry);
        dropped = Counter.builder().name("sipc_gateway_inspection_dropped")
                .help("Inspection events dropped because the recorder's buffer was full").register(registry);
        sinkFailures = Counter.builder().name("sipc_gateway_inspection_sink_failures")
                .help("Inspection events a sink failed on").register(registry);
        supplied("sipc_gateway_registrations", "Core registrations held for legacy users", registrations);
        supplied("sipc_gateway_subscriptions", "Presence subscriptions held", subscriptions);
        GaugeWithCallback.builder().name("sipc_gateway_cache_entries").help("Entries in the gateway's caches")
                .labelNames("cache")
                .callback(cb -> caches.forEach((cache, size) -> cb.call(size.getAsDouble(), cache)))
                .register(registry);
    }

    public static GatewayMetrics create() {
        return new GatewayMetrics();
    }

    /** Counts one event by method, direction and outcome, and its latency if it ended. */
    public void onTranslation(TranslationEvent event) {
        String direction = label(event.direction().name());
        messages.labelValues(MethodLabel.of(event), direction, label(event.outcome().kind().name())).inc();
        event.outcome().latencyMicros().ifPresent(micros -> latency.labelValues(direction).observe(micros / 1e6));
    }

    /**
     * Counts one exchange as {@link #onTranslation} counts the event built from it, but from typed fields, so that an
     * I/O thread can count every exchange (dropped ones too) without rendering any text.
     */
    public void onExchange(SipcMessage legacy, TranslationEvent.Direction direction, TranslationEvent.Outcome.Kind kind,
            long latencyMicros) {
        String label = label(direction.name());
        messages.labelValues(MethodLabel.of(legacy), label, label(kind.name())).inc();
        latency.labelValues(label).observe(latencyMicros / 1e6);
    }

    public void connections(int delta) {
        connections.inc(delta);
    }

    public void signedIn(int delta) {
        signedIn.inc(delta);
    }

    public void registrations(DoubleSupplier count) {
        registrations.set(Objects.requireNonNull(count, "count"));
    }

    public void subscriptions(DoubleSupplier count) {
        subscriptions.set(Objects.requireNonNull(count, "count"));
    }

    /** Reports a cache's size as {@code sipc_gateway_cache_entries{cache="<name>"}}; a second call replaces it. */
    public void cacheSize(String cache, DoubleSupplier size) {
        Objects.requireNonNull(size, "size");
        if (caches.size() >= MAX_CACHES && !caches.containsKey(cache)) {
            throw new IllegalStateException("more than " + MAX_CACHES + " caches");
        }
        caches.put(cache, size);
    }

    /**
     * Any other gauge read at scrape time.
     *
     * @throws IllegalArgumentException if the name is not a valid metric name or is already registered
     */
    public void registerGauge(String name, String help, DoubleSupplier value) {
        Objects.requireNonNull(value, "value");
        GaugeWithCallback.builder().name(name).help(help).callback(cb -> cb.call(value.getAsDouble()))
                .register(registry);
    }

    public void inspectionDropped() {
        dropped.inc();
    }

    public void inspectionSinkFailed() {
        sinkFailures.inc();
    }

    /** All metrics in the Prometheus text format, version 0.0.4 ({@link #CONTENT_TYPE}). */
    public String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private void supplied(String name, String help, AtomicReference<DoubleSupplier> source) {
        GaugeWithCallback.builder().name(name).help(help).callback(cb -> {
            DoubleSupplier supplier = source.get();
            if (supplier != null) {
                cb.call(supplier.getAsDouble());
            }
        }).register(registry);
    }

    private static String label(String enumName) {
        return enumName.toLowerCase(Locale.ROOT);
    }
}
