package io.sipcgateway.gateway.client;

import java.util.Objects;
import java.util.Optional;

/**
 * A buddy from the contact list the gateway sent: the v4 login answer's {@code <b i u n/>} (sample 06) or the v2
 * GetContactList answer's {@code <buddy uri local-name/>} (sample 48).
 *
 * @param uri {@code sip:<sid>@fetion.com.cn;p=<n>} or {@code tel:<mobile>}
 * @param sid the sid in {@code uri}; empty for a {@code tel:} buddy
 * @param userId v4 only
 */
public record Contact(String uri, Optional<String> sid, Optional<String> userId, String localName) {
    public Contact {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(localName, "localName");
    }
}
