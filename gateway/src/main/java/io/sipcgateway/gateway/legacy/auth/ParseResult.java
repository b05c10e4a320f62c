package io.sipcgateway.gateway.legacy.auth;

import java.util.Objects;

/** A lenient parse of untrusted client input: the value, or why it was refused. */
public sealed interface ParseResult<T> permits ParseResult.Ok, ParseResult.Malformed {

    record Ok<T>(T value) implements ParseResult<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    record Malformed<T>(String reason) implements ParseResult<T> {
        public Malformed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static <T> ParseResult<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> ParseResult<T> malformed(String reason) {
        return new Malformed<>(reason);
    }
}
