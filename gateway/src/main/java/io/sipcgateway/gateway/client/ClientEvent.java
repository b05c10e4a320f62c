package io.sipcgateway.gateway.client;

import io.sipcgateway.sipc.SipcMessage;
import io.sipcgateway.sipc.codec.InvalidSipcFrame;
import java.time.Instant;
import java.util.Objects;

/** Something that happened on a client's connection: a message in or out, an unreadable frame, the close. */
public sealed interface ClientEvent permits ClientEvent.Message, ClientEvent.Malformed, ClientEvent.Closed {

    Instant at();

    /** Which way a message went. */
    enum Direction {
        /** From the gateway. */
        IN,
        /** To the gateway. */
        OUT
    }

    /**
     * A message sent or received.
     *
     * @param automatic true for what the client sent on its own: auto-replies and timer keep-alives
     */
    record Message(Instant at, Direction direction, SipcMessage message, boolean automatic) implements ClientEvent {
        public Message {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The gateway sent bytes the decoder could not read; the client closes the connection after it. */
    record Malformed(Instant at, InvalidSipcFrame frame) implements ClientEvent {
        public Malformed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(frame, "frame");
        }
    }

    /** The connection is closed; {@code byGateway} is false when the client closed it itself. */
    record Closed(Instant at, boolean byGateway) implements ClientEvent {
        public Closed {
            Objects.requireNonNull(at, "at");
        }
    }
}
