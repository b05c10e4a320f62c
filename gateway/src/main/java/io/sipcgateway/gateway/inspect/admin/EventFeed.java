package io.sipcgateway.gateway.inspect.admin;

import io.sipcgateway.gateway.inspect.TranslationEvent;
import java.util.List;

/** TEMPORARY seam until inspect-sinks publishes Inspector; replaced by it on merge. */
interface EventFeed {
    List<TranslationEvent> recent(int max);

    void subscribe(LiveSink live);

    void unsubscribe(LiveSink live);

    /** TEMPORARY: the shape of InspectionSink. */
    interface LiveSink extends AutoCloseable {
        void accept(TranslationEvent event);
    }
}
