package io.sipcgateway.mapping;

import java.util.Optional;

/** Finding or opening the SIP dialog of a legacy dialog and the other way round, through {@link Correlation}. */
final class Dialogs {
    private Dialogs() {
    }

    /** A link and the correlation that holds it. */
    record Opened(Correlation.Link link, Correlation correlation) {
    }

    /**
     * The SIP side of legacy dialog {@code legacyCallId} toward {@code peer}: the known link, or a new Call-ID and
     * local tag from the generator (in that order).
     */
    static Opened fromLegacy(String legacyCallId, String peer, TranslationContext ctx, Correlation correlation) {
        Optional<Correlation.Link> known = correlation.forLegacy(legacyCallId, peer);
        if (known.isPresent()) {
            return new Opened(known.get(), correlation);
        }
        String callId = ctx.ids().callId();
        Correlation.Link link = new Correlation.Link(legacyCallId, callId, ctx.ids().tag(), Optional.empty(), peer);
        return new Opened(link, correlation.with(link));
    }

    /**
     * The legacy side of SIP dialog {@code sipCallId}: the known link (learning the remote tag if it was missing), or
     * a new legacy {@code I} from the generator. {@code localTag} is the gateway side's tag, if the request has one.
     */
    static Opened fromCore(String sipCallId, String peer, Optional<String> remoteTag, Optional<String> localTag,
            TranslationContext ctx) {
        Correlation correlation = ctx.correlation();
        Optional<Correlation.Link> known = correlation.forSip(sipCallId);
        if (known.isPresent()) {
            Correlation.Link link = known.get();
            if (link.remoteTag().isEmpty() && remoteTag.isPresent()) {
                link = link.withRemoteTag(remoteTag.get());
                return new Opened(link, correlation.with(link));
            }
            return new Opened(link, correlation);
        }
        Correlation.Link link = new Correlation.Link(ctx.ids().legacyCallId(), sipCallId, localTag.orElse(""),
                remoteTag, peer);
        return new Opened(link, correlation.with(link));
    }
}
