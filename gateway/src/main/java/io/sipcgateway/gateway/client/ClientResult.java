package io.sipcgateway.gateway.client;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of a client operation: a value, or a {@link ClientFailure} that says why not.
 *
 * @param <T> the value of a success
 */
public sealed interface ClientResult<T> permits ClientResult.Ok, ClientResult.Failed {

    record Ok<T>(T value) implements ClientResult<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    record Failed<T>(ClientFailure failure) implements ClientResult<T> {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }

    static <T> ClientResult<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> ClientResult<T> failed(ClientFailure failure) {
        return new Failed<>(failure);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /**
     * The value of a success.
     *
     * @throws IllegalStateException with the failure's message otherwise: for tests and scripts that expect success
     */
    default T orElseThrow() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        ClientFailure failure = ((Failed<T>) this).failure();
        throw new IllegalStateException(failure.kind() + ": " + failure.message());
    }

    /**
     * The failure.
     *
     * @throws IllegalStateException if this is a success
     */
    default ClientFailure failure() {
        if (this instanceof Failed<T> failed) {
            return failed.failure();
        }
        throw new IllegalStateException("not a failure: " + ((Ok<T>) this).value());
    }

    default <U> ClientResult<U> map(Function<? super T, ? extends U> f) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(f.apply(ok.value()));
        }
        return new Failed<>(((Failed<T>) this).failure());
    }

    default <U> ClientResult<U> flatMap(Function<? super T, ClientResult<U>> f) {
        if (this instanceof Ok<T> ok) {
            return Objects.requireNonNull(f.apply(ok.value()), "flatMap result");
        }
        return new Failed<>(((Failed<T>) this).failure());
    }
}
