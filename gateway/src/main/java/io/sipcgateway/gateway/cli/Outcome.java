package io.sipcgateway.gateway.cli;

import io.sipcgateway.mapping.Translation;
import io.sipcgateway.sipc.SipcMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sip.message.Message;

/**
 * One input message and what it became, in the shape both outputs print.
 *
 * @param file where it came from ({@code -} for stdin)
 * @param index its position in the file, from 1
 * @param side {@code sipc} or {@code sip}
 * @param input the message as text
 * @param result {@code to-core}, {@code response-to-core}, {@code to-legacy}, {@code reply-to-legacy},
 *     {@code reply-to-core}, {@code absorbed} or {@code unpaired-response}
 * @param detail a one-line explanation
 * @param output the translated messages as text
 */
record Outcome(String file, int index, String side, String input, String result, String detail,
        List<String> output) {

    static Outcome of(String file, int index, String side, String input, TranslateSession.Step step) {
        if (step.translation().isEmpty()) {
            return new Outcome(file, index, side, input, "unpaired-response", step.unpaired(), List.of());
        }
        Translation t = step.translation().get();
        if (t instanceof Translation.ToCore core) {
            return new Outcome(file, index, side, input, "to-core", core.requests().size() + " SIP request(s)",
                    core.requests().stream().map(Outcome::text).toList());
        }
        if (t instanceof Translation.ResponseToCore response) {
            return new Outcome(file, index, side, input, "response-to-core", "SIP response",
                    List.of(text(response.response())));
        }
        if (t instanceof Translation.ToLegacy legacy) {
            return new Outcome(file, index, side, input, "to-legacy", legacy.messages().size() + " SIP-C message(s)",
                    legacy.messages().stream().map(Outcome::text).toList());
        }
        if (t instanceof Translation.ReplyToLegacy reply) {
            return new Outcome(file, index, side, input, "reply-to-legacy", reply.detail(),
                    List.of(text(reply.response())));
        }
        if (t instanceof Translation.ReplyToCore reply) {
            return new Outcome(file, index, side, input, "reply-to-core", reply.status() + " " + reply.reason(),
                    List.of());
        }
        Translation.Absorbed absorbed = (Translation.Absorbed) t;
        return new Outcome(file, index, side, input, "absorbed", absorbed.reason(), List.of());
    }

    static String text(SipcMessage message) {
        return new String(message.toBytes(), StandardCharsets.UTF_8);
    }

    static String text(Message message) {
        return message.toString();
    }

    /** The human-readable block: the original, then what it became, indented under a headline. */
    String human() {
        StringBuilder out = new StringBuilder();
        out.append("=== ").append(file).append(" #").append(index).append(" (")
                .append(side.equals("sipc") ? "SIP-C" : "SIP").append(")\n");
        out.append(readable(input));
        out.append("--> ").append(result).append(": ").append(detail).append('\n');
        for (String message : output) {
            for (String line : readable(message).strip().split("\n", -1)) {
                out.append(line.isEmpty() ? "" : "    " + line).append('\n');
            }
        }
        return out.toString();
    }

    /** CRLF shown as line ends; a body without a final line end gets one, so blocks do not run together. */
    private static String readable(String wire) {
        String text = wire.replace("\r\n", "\n").stripTrailing();
        return text + "\n";
    }
}
