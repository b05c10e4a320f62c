package io.sipcgateway.gateway.legacy.auth;

import java.util.Arrays;
import java.util.Objects;

/** The outcome of verifying a login response: the client proved the password, or it did not and why. */
public sealed interface AuthResult permits AuthResult.Verified, AuthResult.Rejected {

    /**
     * The password is proven.
     *
     * @param aesKeyTail the bytes after the password hash in a v4 response: the client's AES key, of any length
     *     0..65 (libofetion sends a truncated one, section 7.2); empty for v2
     */
    record Verified(byte[] aesKeyTail) implements AuthResult {
        public Verified {
            aesKeyTail = aesKeyTail.clone();
        }

        @Override
        public byte[] aesKeyTail() {
            return aesKeyTail.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Verified other && Arrays.equals(aesKeyTail, other.aesKeyTail);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(aesKeyTail);
        }

        @Override
        public String toString() {
            return "Verified[aesKeyTail=" + aesKeyTail.length + " bytes]";
        }
    }

    /** @param reason for the log only; the client gets the same answer for every reason of one kind */
    record Rejected(AuthFailure failure, String reason) implements AuthResult {
        public Rejected {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(reason, "reason");
        }
    }

    static AuthResult rejected(AuthFailure failure, String reason) {
        return new Rejected(failure, reason);
    }
}
