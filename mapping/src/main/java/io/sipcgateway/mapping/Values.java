package io.sipcgateway.mapping;

import io.sipcgateway.mapping.table.HeaderRule;
import java.util.Optional;

/** {@link HeaderRule.Context} over a translation's context: identities and correlation, read only. */
record Values(TranslationContext ctx, Correlation correlation) implements HeaderRule.Context {
    static Values of(TranslationContext ctx) {
        return new Values(ctx, ctx.correlation());
    }

    @Override
    public Optional<String> coreUri(String legacyUri) {
        return ctx.identities().toCore(legacyUri);
    }

    @Override
    public Optional<String> legacyUri(String coreUri) {
        return ctx.identities().toLegacy(coreUri);
    }

    @Override
    public Optional<String> sipCallId(String legacyCallId) {
        return correlation.forLegacy(legacyCallId).stream().findFirst().map(Correlation.Link::sipCallId);
    }

    @Override
    public Optional<String> legacyCallId(String sipCallId) {
        return correlation.forSip(sipCallId).map(Correlation.Link::legacyCallId);
    }
}
