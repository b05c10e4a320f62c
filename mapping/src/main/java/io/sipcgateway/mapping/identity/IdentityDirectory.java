package io.sipcgateway.mapping.identity;

import java.util.List;
import java.util.Optional;

/**
 * Who is who: the gateway's account directory implements this from the login 200 OK contact list ({@code <b i= u=>},
 * section 7.2) and its own accounts; mapping only reads it. Lookups never do I/O.
 */
public interface IdentityDirectory {
    Optional<Identity> bySid(String sid);

    /** By v4 user-id ({@code PresenceV4} bodies are keyed by it, section 5.2). */
    Optional<Identity> byUserId(String userId);

    /** By core address of record, {@code sip:user@host}; the host compares case-insensitively. */
    Optional<Identity> byCoreAor(String aor);

    /** The buddy list of {@code sid}, for {@code SUB N: PresenceV4} which names no contacts (section 5.1). */
    List<Identity> buddiesOf(String sid);
}
