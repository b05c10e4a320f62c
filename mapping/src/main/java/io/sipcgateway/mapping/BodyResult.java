package io.sipcgateway.mapping;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of reading a body: a value, or a rejection that says why (STYLE 5.7: bad input is a value, never an
 * exception). Readers in {@code mapping} return this; the message half turns a rejection into a reply.
 *
 * @param <T> the type of the value read
 */
public sealed interface BodyResult<T> {

    /** The body was read. */
    record Ok<T>(T value) implements BodyResult<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The body was refused; {@code detail} says precisely where and why, for logs and reason phrases. */
    record Rejected<T>(Problem problem, String detail) implements BodyResult<T> {
        public Rejected {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(detail, "detail");
        }

        /** The same rejection typed for another value, to pass it up from a nested read. */
        public <U> Rejected<U> retyped() {
            return new Rejected<>(problem, detail);
        }
    }

    static <T> BodyResult<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> BodyResult<T> rejected(Problem problem, String detail) {
        return new Rejected<>(problem, detail);
    }

    /** Applies {@code f} to an {@link Ok} value; a rejection passes through unchanged. */
    default <U> BodyResult<U> map(Function<? super T, ? extends U> f) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(f.apply(ok.value()));
        }
        return ((Rejected<T>) this).retyped();
    }

    /** Chains a further read that may itself reject. */
    default <U> BodyResult<U> flatMap(Function<? super T, BodyResult<U>> f) {
        if (this instanceof Ok<T> ok) {
            return Objects.requireNonNull(f.apply(ok.value()), "flatMap result");
        }
        return ((Rejected<T>) this).retyped();
    }

    /** A rejection with the same problem and {@code context} prefixed to its detail; an Ok is unchanged. */
    default BodyResult<T> withContext(String context) {
        if (this instanceof Rejected<T> rejected) {
            return new Rejected<>(rejected.problem(), context + ": " + rejected.detail());
        }
        return this;
    }

    default boolean isOk() {
        return this instanceof Ok<T>;
    }

    /** The value, or empty if rejected. */
    default Optional<T> toOptional() {
        return this instanceof Ok<T> ok ? Optional.of(ok.value()) : Optional.empty();
    }
}
