package io.sipcgateway.mapping;

import io.sipcgateway.mapping.identity.Identities;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcRequest;
import java.util.Optional;
import javax.sip.message.Request;
import javax.sip.header.ToHeader;
import javax.sip.header.FromHeader;

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

    /**
     * Who a core request (MESSAGE, is-composing) is from and to, in both address forms. It is in client form when
     * it is from the context user (the core echoing the user's own request), else a push to the user.
     */
    record Core(String fromUri, String toUri, String legacyFrom, String legacyTo, boolean clientForm) {

        /** The parties, or the 404 the core gets when either address has no legacy identity. */
        static CoreEither of(Request message, TranslationContext ctx) {
            Identities identities = ctx.identities();
            String fromUri = Sip.uri(((FromHeader) message.getHeader(FromHeader.NAME)).getAddress());
            String toUri = Sip.uri(((ToHeader) message.getHeader(ToHeader.NAME)).getAddress());
            Optional<String> legacyFrom = identities.toLegacy(fromUri);
            Optional<String> legacyTo = identities.toLegacy(toUri);
            if (legacyFrom.isEmpty() || legacyTo.isEmpty()) {
                return new CoreEither(null, new Translation.ReplyToCore(404, "Not Found: no legacy identity for "
                        + (legacyFrom.isEmpty() ? fromUri : toUri)));
            }
            boolean clientForm = legacyFrom.flatMap(Identities::sidOf).filter(ctx.user().sid()::equals).isPresent();
            return new CoreEither(new Core(fromUri, toUri, legacyFrom.get(), legacyTo.get(), clientForm), null);
        }
    }

    /** The core parties or the reply that refuses the request. */
    record CoreEither(Core parties, Translation.ReplyToCore problem) {
    }
}
