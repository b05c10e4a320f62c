package io.sipcgateway.gateway.client;

import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcVersion;
import java.util.Objects;

/**
 * The {@code I} and {@code Q} a client puts on its requests, as real clients numbered them (section 3):
 * <ul>
 *   <li>SIP-C/4.0, libofetion: one counter for every request, and always {@code Q: 2 <M>} (samples 01, 03, 08,
 *       12, 21, 36: {@code I: 1}, {@code I: 2}, {@code I: 3} ... each with {@code Q: 2});</li>
 *   <li>SIP-C/2.0, the official client: every {@code R} (login, re-register, logout) belongs to the registration
 *       dialog, the first call-id, with {@code Q} counting up ({@code I: 1} {@code Q: 1 R}, {@code Q: 2 R},
 *       ... {@code Q: 3 R} for the logout: samples 43, 45, 75); any other request opens a new call-id with
 *       {@code Q: 1} (samples 47, 49).</li>
 * </ul>
 * Thread-safe: the keep-alive timer and the caller's thread both draw from it.
 */
public final class CallIds {
    private final SipcVersion version;
    private long lastCallId;
    private long registrationCallId;
    private long registrationCseq;

    public CallIds(SipcVersion version) {
        this.version = Objects.requireNonNull(version, "version");
    }

    /** The {@code I} and {@code Q} values of the next request with {@code method}. */
    public synchronized Stamp next(SipcMethod method) {
        if (!SipcVersion.V2.equals(version)) {
            return new Stamp(Long.toString(++lastCallId), "2 " + method.token());
        }
        if (method.equals(SipcMethod.R)) {
            if (registrationCallId == 0) {
                registrationCallId = ++lastCallId;
            }
            return new Stamp(Long.toString(registrationCallId), (++registrationCseq) + " R");
        }
        return new Stamp(Long.toString(++lastCallId), "1 " + method.token());
    }

    public SipcVersion version() {
        return version;
    }

    /**
     * One request's numbering.
     *
     * @param callId the {@code I} value
     * @param cseq the {@code Q} value, {@code <n> <METHOD>}
     */
    public record Stamp(String callId, String cseq) {
        public Stamp {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(cseq, "cseq");
        }
    }
}
