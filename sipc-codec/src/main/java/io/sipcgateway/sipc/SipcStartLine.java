package io.sipcgateway.sipc;

import java.util.Objects;

/** The first line of a message: a request line or a status line (section 1.1). */
public sealed interface SipcStartLine permits SipcStartLine.RequestLine, SipcStartLine.StatusLine {

    SipcVersion version();

    /** {@code <METHOD> <target> SIP-C/<ver>}; the target is {@code fetion.com.cn} or the recipient's sid. */
    record RequestLine(SipcMethod method, String target, SipcVersion version) implements SipcStartLine {
        public RequestLine {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(version, "version");
            if (target.isEmpty() || target.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
                throw new IllegalArgumentException("bad request target: '" + target + "'");
            }
        }

        @Override
        public String toString() {
            return method.token() + ' ' + target + ' ' + version;
        }
    }

    /** {@code SIP-C/<ver> <code> <reason>}. */
    record StatusLine(SipcVersion version, SipcStatus status) implements SipcStartLine {
        public StatusLine {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public String toString() {
            return version + " " + status.code() + ' ' + status.reason();
        }
    }
}
