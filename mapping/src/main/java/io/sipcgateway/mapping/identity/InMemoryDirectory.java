package io.sipcgateway.mapping.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable directory held in memory: for tests, golden cases and the {@code translate} command.
 *
 * @param identities every known user
 * @param buddies buddy sids by sid
 */
public record InMemoryDirectory(List<Identity> identities, Map<String, List<String>> buddies)
        implements IdentityDirectory {
    public InMemoryDirectory {
        identities = List.copyOf(identities);
        buddies = Map.copyOf(buddies);
    }

    /**
     * The demo users of the {@code translate} command and the golden cases: {@code 916000001} alice (user-id
     * 300000001, p=1234), {@code 916000002} bob (300000002, p=5678), {@code 916000003} carol (300000003, p=4078),
     * all on {@code domain}; alice's buddies are bob and carol, bob's and carol's are alice.
     */
    public static InMemoryDirectory demo(String domain) {
        return new InMemoryDirectory(List.of(
                demoUser("916000001", "alice", domain, "300000001", "1234"),
                demoUser("916000002", "bob", domain, "300000002", "5678"),
                demoUser("916000003", "carol", domain, "300000003", "4078")),
                Map.of("916000001", List.of("916000002", "916000003"),
                        "916000002", List.of("916000001"),
                        "916000003", List.of("916000001")));
    }

    private static Identity demoUser(String sid, String name, String domain, String userId, String p) {
        return new Identity(sid, "sip:" + name + '@' + domain, Optional.of(userId), Optional.of(p), Optional.empty());
    }

    /** This directory plus {@code extra} users (replacing same-sid ones) and buddy lists. */
    public InMemoryDirectory with(List<Identity> extra, Map<String, List<String>> extraBuddies) {
        List<Identity> all = new ArrayList<>();
        for (Identity identity : identities) {
            if (extra.stream().noneMatch(e -> e.sid().equals(identity.sid()))) {
                all.add(identity);
            }
        }
        all.addAll(extra);
        Map<String, List<String>> lists = new HashMap<>(buddies);
        lists.putAll(extraBuddies);
        return new InMemoryDirectory(all, lists);
    }

    @Override
    public Optional<Identity> bySid(String sid) {
        return identities.stream().filter(i -> i.sid().equals(sid)).findFirst();
    }

    @Override
    public Optional<Identity> byUserId(String userId) {
        return identities.stream().filter(i -> i.userId().filter(userId::equals).isPresent()).findFirst();
    }

    @Override
    public Optional<Identity> byCoreAor(String aor) {
        String wanted = normalise(aor);
        return identities.stream().filter(i -> normalise(i.coreAor()).equals(wanted)).findFirst();
    }

    @Override
    public List<Identity> buddiesOf(String sid) {
        return buddies.getOrDefault(Objects.requireNonNull(sid, "sid"), List.of()).stream()
                .map(this::bySid).flatMap(Optional::stream).toList();
    }

    private static String normalise(String aor) {
        int at = aor.indexOf('@');
        return at < 0 ? aor : aor.substring(0, at + 1) + aor.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
