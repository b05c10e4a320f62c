package io.sipcgateway.mapping;

import io.sipcgateway.sipc.SipcMessage;
import io.sipcgateway.sipc.SipcResponse;
import java.util.List;
import java.util.Objects;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * What one message translates to (STYLE 5.7). Never a silent drop: what the gateway keeps to itself is
 * {@link Absorbed} with the reason, what cannot be mapped is a reply carrying the status to send. Results that
 * change the dialog correlation carry the new {@link Correlation}; the caller stores it in place of the old one.
 */
public sealed interface Translation {

    /** Requests to send to the core, in order (a {@code SUB} fans out to one SUBSCRIBE per buddy). */
    record ToCore(List<Request> requests, Correlation correlation) implements Translation {
        public ToCore {
            requests = List.copyOf(requests);
            Objects.requireNonNull(correlation, "correlation");
        }
    }

    /** A response to send to the core, answering the core request the legacy response answers. */
    record ResponseToCore(Response response) implements Translation {
        public ResponseToCore {
            Objects.requireNonNull(response, "response");
        }
    }

    /** Messages (requests or responses) to send to the legacy client, in order. */
    record ToLegacy(List<SipcMessage> messages, Correlation correlation) implements Translation {
        public ToLegacy {
            messages = List.copyOf(messages);
            Objects.requireNonNull(correlation, "correlation");
        }
    }

    /** The gateway answers the legacy request itself, e.g. {@code 501} for an unmapped operation. */
    record ReplyToLegacy(SipcResponse response, String detail) implements Translation {
        public ReplyToLegacy {
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The gateway answers the core request itself with this status, e.g. 415 for an unknown body type. */
    record ReplyToCore(int status, String reason) implements Translation {
        public ReplyToCore {
            if (status < 100 || status > 699) {
                throw new IllegalArgumentException("status out of range: " + status);
            }
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The gateway keeps or answers this itself (chat sessions, login step 1, ACK); the reason says why. */
    record Absorbed(String reason) implements Translation {
        public Absorbed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
