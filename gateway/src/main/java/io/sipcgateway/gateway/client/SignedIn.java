package io.sipcgateway.gateway.client;

import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import io.sipcgateway.sipc.SipcVersion;
import java.util.List;
import java.util.Objects;

/**
 * A completed login: both exchanges as they went over the wire, and what the client keeps from them.
 *
 * @param register R #1
 * @param challenge the {@code 401} with {@code W}
 * @param authorize R #2, with {@code A}
 * @param ok the {@code 200}
 * @param expires the {@code X} of the {@code 200}, seconds (section 1.4)
 * @param ownUri the user's own URI: from the v4 answer's {@code <personal uri>}, for v2 the form SSI gave
 * @param contacts v4: from the login answer; v2: empty until the contact list is fetched
 */
public record SignedIn(SipcVersion version, String sid, SipcRequest register, SipcResponse challenge,
        SipcRequest authorize, SipcResponse ok, int expires, String ownUri, List<Contact> contacts) {
    public SignedIn {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(authorize, "authorize");
        Objects.requireNonNull(ok, "ok");
        Objects.requireNonNull(ownUri, "ownUri");
        contacts = List.copyOf(contacts);
    }
}
