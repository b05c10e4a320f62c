package io.sipcgateway.mapping;

import io.sipcgateway.fixtures.TranslationCase;
import io.sipcgateway.mapping.identity.Identity;
import io.sipcgateway.mapping.identity.InMemoryDirectory;
import io.sipcgateway.sipc.SipcVersion;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The translation context a golden case describes in {@code case.properties}; defaults are the demo identities
 * ({@link InMemoryDirectory#demo}) seen by alice, SIP-C/4.0, domain {@code sipc.local}.
 */
final class CaseContexts {
    static final String DOMAIN = "sipc.local";
    static final String GATEWAY = "gateway.sipc.local:5060";
    static final String CLOCK = "2010-05-16T02:16:00Z";

    private CaseContexts() {
    }

    /** A fresh context (fresh scripted ids) for a message from the legacy side. */
    static LegacyContext legacy(TranslationCase c) {
        Map<String, String> p = c.properties();
        String domain = p.getOrDefault("domain", DOMAIN);
        InMemoryDirectory directory = directory(p, domain);
        String sid = p.getOrDefault("sid", "916000001");
        Optional<String> userId = Optional.ofNullable(p.get("user-id"))
                .or(() -> directory.bySid(sid).flatMap(Identity::userId));
        SipcVersion version = "2".equals(p.getOrDefault("version", "4")) ? SipcVersion.V2 : SipcVersion.V4;
        Clock clock = Clock.fixed(Instant.parse(p.getOrDefault("clock", CLOCK)), ZoneOffset.UTC);
        return new LegacyContext(new LegacyUser(sid, userId, version), domain,
                HostPort.parse(p.getOrDefault("gateway", GATEWAY)), new ScriptedIds(p), clock, directory,
                correlation(p));
    }

    /** A fresh context for a message from the core side. */
    static CoreContext core(TranslationCase c) {
        return legacy(c).asCoreContext();
    }

    /** {@code identity.<sid>=<aor> [user-id=..] [p=..] [mobile=..]} and {@code buddies.<sid>=<sid>,..}. */
    private static InMemoryDirectory directory(Map<String, String> p, String domain) {
        List<Identity> extra = new ArrayList<>();
        Map<String, List<String>> buddies = new HashMap<>();
        p.forEach((key, value) -> {
            if (key.startsWith("identity.")) {
                String[] parts = value.split("\\s+");
                Map<String, String> attrs = new HashMap<>();
                for (int i = 1; i < parts.length; i++) {
                    String[] kv = parts[i].split("=", 2);
                    attrs.put(kv[0], kv[1]);
                }
                extra.add(new Identity(key.substring("identity.".length()), parts[0],
                        Optional.ofNullable(attrs.get("user-id")), Optional.ofNullable(attrs.get("p")),
                        Optional.ofNullable(attrs.get("mobile"))));
            } else if (key.startsWith("buddies.")) {
                buddies.put(key.substring("buddies.".length()), Arrays.asList(value.split("\\s*,\\s*")));
            }
        });
        return InMemoryDirectory.demo(domain).with(extra, buddies);
    }

    /** {@code correlation.<n>=<legacy I> <SIP Call-ID> <local tag|-> <remote tag|-> <peer>}, in n order. */
    private static Correlation correlation(Map<String, String> p) {
        Correlation correlation = Correlation.EMPTY;
        List<String> keys = p.keySet().stream().filter(k -> k.startsWith("correlation.")).sorted().toList();
        for (String key : keys) {
            String[] f = p.get(key).split("\\s+");
            correlation = correlation.with(new Correlation.Link(f[0], f[1], f[2].equals("-") ? "" : f[2],
                    f[3].equals("-") ? Optional.empty() : Optional.of(f[3]), f[4]));
        }
        return correlation;
    }
}
