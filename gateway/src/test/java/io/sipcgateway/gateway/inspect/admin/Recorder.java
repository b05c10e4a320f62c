package io.sipcgateway.gateway.inspect.admin;

import io.sipcgateway.gateway.inspect.Inspector;
import io.sipcgateway.gateway.inspect.InspectorConfig;
import io.sipcgateway.gateway.inspect.TranslationEvent;
import io.sipcgateway.gateway.inspect.metrics.GatewayMetrics;
import java.util.List;

/** A real {@link Inspector} (no sinks) for the admin tests, with a way to wait for its recorder thread. */
public final class Recorder implements AutoCloseable {
    private final GatewayMetrics metrics = GatewayMetrics.create();
    private final Inspector inspector = Inspector.create(InspectorConfig.DEFAULT, List.of(), metrics);

    public Inspector inspector() {
        return inspector;
    }

    public GatewayMetrics metrics() {
        return metrics;
    }

    /** Records the events and waits until the recorder thread has handed them out (so recent() has them). */
    public void recordAndWait(TranslationEvent... events) throws InterruptedException {
        for (TranslationEvent event : events) {
            if (!inspector.record(event)) {
                throw new AssertionError("inspector dropped event " + event.id());
            }
        }
        long last = events[events.length - 1].id();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (inspector.recent(1).isEmpty() || inspector.recent(1).get(0).id() != last) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the recorder did not hand out event " + last + " within 5s");
            }
            Thread.sleep(5);
        }
    }

    @Override
    public void close() {
        inspector.close();
    }
}
