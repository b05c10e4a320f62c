package io.sipcgateway.gateway.inspect.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sipcgateway.fixtures.Fixtures;
import io.sipcgateway.gateway.inspect.Pairs;
import io.sipcgateway.gateway.inspect.TranslationEvent;
import io.sipcgateway.sipc.SipcMessage;
import io.sipcgateway.sipc.codec.SipcParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MethodLabelTest {

    /** The caller counts by type, the events were counted by text: both must give every message the same label. */
    @Test
    void labelFromTheTypedMessageEqualsTheLabelReadFromItsText() {
        List<SipcMessage> messages = Fixtures.wellFormedSipc().map(c -> SipcParser.parse(c.bytes())).toList();
        for (SipcMessage message : messages) {
            String text = new String(message.toBytes(), StandardCharsets.UTF_8);
            TranslationEvent event = Pairs.event(1, TranslationEvent.Direction.LOCAL, text, List.of(),
                    new TranslationEvent.Correlation("k", Optional.empty(), Optional.empty(), List.of(), List.of(),
                            List.of()),
                    new TranslationEvent.Outcome(TranslationEvent.Outcome.Kind.SUCCESS, Optional.empty(),
                            Optional.empty(), Optional.empty(), Optional.empty()));
            assertEquals(MethodLabel.of(event), MethodLabel.of(message), text);
        }
        assertEquals(true, messages.size() > 20, "enough fixtures: " + messages.size());
    }
}
