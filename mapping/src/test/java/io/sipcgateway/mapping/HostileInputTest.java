package io.sipcgateway.mapping;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.sipcgateway.mapping.im.FontMarkup;
import io.sipcgateway.mapping.im.IsComposing;
import io.sipcgateway.mapping.presence.Activity;
import io.sipcgateway.mapping.presence.Basic;
import io.sipcgateway.mapping.presence.Pidf;
import io.sipcgateway.mapping.presence.Presence;
import io.sipcgateway.mapping.presence.RlmiNotify;
import io.sipcgateway.mapping.presence.SipcPresenceArgs;
import io.sipcgateway.mapping.presence.SipcPresenceEvents;
import io.sipcgateway.sipc.SipcBody;

/**
 * Every body reader, fed every input cut at many points and with bytes flipped, returns a value and never throws
 * (contract: bad input is a {@link BodyResult.Rejected}). Cuts split multi-byte UTF-8, tags, entities and MIME lines.
 */
class HostileInputTest {
    private static final String RLMI_TYPE = "multipart/related;type=\"application/rlmi+xml\";"
            + "start=\"<nXYxAE@ps.cintel.net.cn>\";boundary=\"50UBfW7LSCVLtggUPe5z\"";

    private static final Map<String, Function<byte[], Object>> READERS = Map.ofEntries(
            Map.entry("readSetPresence", b -> SipcPresenceArgs.readSetPresence(SipcBody.of(b))),
            Map.entry("readPgSetPresence", b -> SipcPresenceArgs.readPgSetPresence(SipcBody.of(b))),
            Map.entry("readPersonalInfo", b -> SipcPresenceArgs.readPersonalInfo(SipcBody.of(b))),
            Map.entry("readV2", b -> SipcPresenceEvents.readV2(SipcBody.of(b))),
            Map.entry("readV4", b -> SipcPresenceEvents.readV4(SipcBody.of(b))),
            Map.entry("readPgGroup", b -> SipcPresenceEvents.readPgGroup(SipcBody.of(b))),
            Map.entry("Pidf.read", Pidf::read),
            Map.entry("RlmiNotify.read", b -> RlmiNotify.read(b, RLMI_TYPE)),
            Map.entry("readSipc", b -> IsComposing.readSipc(SipcBody.of(b))),
            Map.entry("readRfc3994", IsComposing::readRfc3994),
            Map.entry("fromCore", b -> IsComposing.fromCore(IsComposing.VENDOR_CONTENT_TYPE, b)),
            Map.entry("toPlainText", b -> FontMarkup.toPlainText(new String(b, StandardCharsets.UTF_8))));

    static Stream<String> inputs() {
        return Stream.of("samples/10-bn-v4-presencev4-online.txt", "samples/11-bn-v4-presencev4-offline.txt",
                "samples/12-service-v4-setpresencev4.txt", "samples/35-info-v4-nudge.txt",
                "samples/51-v2-bn-presence-changed.txt", "samples/52-v2-bn-presence-offline.txt",
                "samples/53-v2-service-pgsetpresence.txt", "samples/55-v2-bn-pggroup.txt",
                "samples/62-v2-message-out-html.txt", "seeds/000-rlmi-notify-body.txt",
                "seeds/001-cpim-pidf-open.xml", "seeds/003-font-body.txt", "generated:pidf", "generated:rfc3994");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void everyReaderReturnsAValueForEveryCutAndFlip(String input) {
        byte[] whole = bytes(input);
        for (byte[] variant : variants(whole)) {
            for (Map.Entry<String, Function<byte[], Object>> reader : READERS.entrySet()) {
                assertNotNull(reader.getValue().apply(variant), reader.getKey());
            }
        }
    }

    private static byte[] bytes(String input) {
        return switch (input) {
            case "generated:pidf" -> Pidf.write("sip:a@b", new Presence(Basic.OPEN, Activity.BE_RIGHT_BACK,
                    Optional.of("今天 & <明天>"), Optional.of("小明")));
            case "generated:rfc3994" -> IsComposing.toCore("input").body();
            default -> input.startsWith("samples/") ? TestInputs.sampleBody(input.substring(8)).bytes()
                    : TestInputs.bytes(input);
        };
    }

    /** Prefixes at up to 48 cut points, plus copies with one byte set to 0x00, 0xFF, '<' or '&' at those points. */
    private static List<byte[]> variants(byte[] whole) {
        List<byte[]> variants = new ArrayList<>();
        int step = Math.max(1, whole.length / 48);
        byte[] poison = {0x00, (byte) 0xFF, '<', '&'};
        for (int cut = 0; cut <= whole.length; cut += step) {
            variants.add(Arrays.copyOf(whole, cut));
            if (cut < whole.length) {
                byte[] flipped = whole.clone();
                flipped[cut] = poison[(cut / step) % poison.length];
                variants.add(flipped);
            }
        }
        return variants;
    }
}
