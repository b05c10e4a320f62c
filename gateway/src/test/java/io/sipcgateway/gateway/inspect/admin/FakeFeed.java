package io.sipcgateway.gateway.inspect.admin;

import io.sipcgateway.gateway.inspect.TranslationEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** TEMPORARY test double of the Inspector until inspect-sinks is merged: keeps everything, delivers in-thread. */
final class FakeFeed implements EventFeed {
    private final List<TranslationEvent> recorded = new CopyOnWriteArrayList<>();
    private final List<LiveSink> live = new CopyOnWriteArrayList<>();

    boolean record(TranslationEvent event) {
        recorded.add(event);
        live.forEach(sink -> sink.accept(event));
        return true;
    }

    @Override
    public List<TranslationEvent> recent(int max) {
        List<TranslationEvent> all = new ArrayList<>(recorded);
        return all.subList(Math.max(0, all.size() - max), all.size());
    }

    @Override
    public void subscribe(LiveSink sink) {
        live.add(sink);
    }

    @Override
    public void unsubscribe(LiveSink sink) {
        live.remove(sink);
    }

    int subscribers() {
        return live.size();
    }
}
