package io.sipcgateway.mapping;

import io.sipcgateway.sipc.SipcRequest;

/**
 * Bad bodies become 400-class replies carrying the reason (STYLE 5.9): {@link Problem#MALFORMED} and
 * {@link Problem#MISSING} 400, {@link Problem#TOO_LARGE} 413, {@link Problem#UNSUPPORTED} 415 (RFC 3261 21.4).
 */
final class Rejections {
    private Rejections() {
    }

    static int status(Problem problem) {
        return switch (problem) {
            case MALFORMED, MISSING -> 400;
            case TOO_LARGE -> 413;
            case UNSUPPORTED -> 415;
        };
    }

    static String reason(Problem problem) {
        return switch (problem) {
            case MALFORMED, MISSING -> "Bad Request";
            case TOO_LARGE -> "Request Entity Too Large";
            case UNSUPPORTED -> "Unsupported Media Type";
        };
    }

    static Translation.ReplyToLegacy toLegacy(SipcRequest request, BodyResult.Rejected<?> rejected) {
        return Sipc.reply(request, status(rejected.problem()), rejected.problem() + ": " + rejected.detail());
    }

    static Translation.ReplyToCore toCore(BodyResult.Rejected<?> rejected) {
        return new Translation.ReplyToCore(status(rejected.problem()), reason(rejected.problem()) + ": "
                + rejected.detail());
    }
}
