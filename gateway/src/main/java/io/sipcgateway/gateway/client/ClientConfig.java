package io.sipcgateway.gateway.client;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a {@link LegacyClient} waits and what it does on its own. Every wait is bounded by one of these.
 *
 * @param connectTimeout for the TCP connection
 * @param answerTimeout for the final answer to each request
 * @param keepAliveInterval between timer keep-alives after login, at most half the {@code X} the gateway gave;
 *     zero turns the timer off. libofetion's GUI sends one every 70 s (section 1.4)
 * @param closeTimeout for the gateway to close the connection after a logout, and for the local shutdown
 * @param listener sees every event, both directions, on the connection's thread; must not block
 * @param keepReceived whether received events are also queued for {@link LegacyClient#received()}; the load tool
 *     reads them through its listener only, and a queue it emptied once a second kept a second of messages alive
 *     (they outlived its young collections and made them 35-80 ms long)
 */
public record ClientConfig(Duration connectTimeout, Duration answerTimeout, Duration keepAliveInterval,
        Duration closeTimeout, Consumer<ClientEvent> listener, boolean keepReceived) {
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(70);
    public static final ClientConfig DEFAULT = new ClientConfig(Duration.ofSeconds(5), Duration.ofSeconds(10),
            DEFAULT_KEEP_ALIVE, Duration.ofSeconds(5), event -> { }, true);

    public ClientConfig {
        positive("connectTimeout", connectTimeout);
        positive("answerTimeout", answerTimeout);
        Objects.requireNonNull(keepAliveInterval, "keepAliveInterval");
        if (keepAliveInterval.isNegative()) {
            throw new IllegalArgumentException("keepAliveInterval must not be negative: " + keepAliveInterval);
        }
        positive("closeTimeout", closeTimeout);
        Objects.requireNonNull(listener, "listener");
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    public ClientConfig withAnswerTimeout(Duration value) {
        return new ClientConfig(connectTimeout, value, keepAliveInterval, closeTimeout, listener, keepReceived);
    }

    public ClientConfig withKeepAliveInterval(Duration value) {
        return new ClientConfig(connectTimeout, answerTimeout, value, closeTimeout, listener, keepReceived);
    }

    public ClientConfig withListener(Consumer<ClientEvent> value) {
        return new ClientConfig(connectTimeout, answerTimeout, keepAliveInterval, closeTimeout, value, keepReceived);
    }

    public ClientConfig withKeepReceived(boolean value) {
        return new ClientConfig(connectTimeout, answerTimeout, keepAliveInterval, closeTimeout, listener, value);
    }
}
