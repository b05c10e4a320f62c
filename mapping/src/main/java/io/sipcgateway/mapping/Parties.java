package io.sipcgateway.mapping;

import io.sipcgateway.mapping.identity.Identities;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcRequest;
import java.util.Optional;

/**
 * Who a legacy request is from and to, as core AORs. A client's request ({@code M fetion.com.cn}) is from the
 * context user to {@code T}; a server push ({@code M 916000001}, section 1.1) is from {@code F} to the sid in the
 * request line. The peer is the party that is not the context user.
 *
 * @param from the sender's core URI
 * @param to the recipient's core URI (a {@code tel:} URI for SMS to a mobile)
 * @param clientForm true for a client's request
 */
record Parties(String from, String to, boolean clientForm) {

    /** The peer of the context user. */
    String peer() {
        return clientForm ? to : from;
    }

    /** The parties, or the reason they cannot be known (a missing or unmappable {@code F}/{@code T}). */
    static Either of(SipcRequest request, TranslationContext ctx) {
        Identities identities = ctx.identities();
        if (Sipc.clientForm(request)) {
            Optional<String> t = request.header(SipcHeaderName.TO);
            if (t.isEmpty()) {
                return new Either(null, "no T");
            }
            return identities.toCore(t.get()).map(to -> new Either(new Parties(ctx.userAor(), to, true), null))
                    .orElse(new Either(null, "no core address for T: " + t.get()));
        }
        Optional<String> sid = Identities.sidOf(request.target());
        Optional<String> f = request.header(SipcHeaderName.FROM);
        if (sid.isEmpty() || f.isEmpty()) {
            return new Either(null, "a server request needs a sid target and F");
        }
        return identities.toCore(f.get())
                .map(from -> new Either(new Parties(from, identities.coreAorOfSid(sid.get()), false), null))
                .orElse(new Either(null, "no core address for F: " + f.get()));
    }

    /** The parties or why not. */
    record Either(Parties parties, String problem) {
        boolean ok() {
            return parties != null;
        }
    }
}
