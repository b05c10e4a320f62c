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
            if (!isValidTarget(target)) {
                throw new IllegalArgumentException("bad request target: '" + target + "'");
            }
        }

        private static boolean isValidTarget(String target) {
            if (target.isEmpty()) {
                return false;
            }
            for (int i = 0; i < target.length(); i++) {
                char c = target.charAt(i);
                if (c <= ' ' || c == 0x7f) {
                    return false;
                }
            }
            return true;
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
