package io.sipcgateway.gateway.legacy;

import io.sipcgateway.sipc.SipcMessage;
import java.net.SocketAddress;

/**
 * What a session may do to its client connection, without seeing Netty: send messages and close. Implementations
 * are thread-safe; a send from a core thread is handed to the connection's event loop.
 */
public interface LegacyConnection {

    /** A short id for logs, stable for the connection's life. */
    String id();

    SocketAddress remoteAddress();

    void send(SipcMessage message);

    /** Sends {@code last} (if not null), then closes; logs {@code reason} with the connection id. */
    void close(SipcMessage last, String reason);

    boolean isOpen();

    /** Closes the connection after {@code seconds} without input; a new limit replaces the old one. */
    void idleLimit(int seconds);
}
