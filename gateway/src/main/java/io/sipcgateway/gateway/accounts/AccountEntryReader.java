package io.sipcgateway.gateway.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads one entry of {@code accounts:} into an {@link Account}, checking every field's format with
 * {@link AccountRules}; rules across fields and accounts come afterwards ({@link AccountDirectory#check}).
 */
final class AccountEntryReader {
    static final List<String> ACCOUNT_FIELDS = List.of("sid", "user-id", "mobile", "nickname", "impresa",
            "password", "md5-sess-key", "sha1-password", "v4-digest", "buddy-lists", "buddies", "core-aor",
            "core-auth");
    static final List<String> HASH_FIELDS = List.of("md5-sess-key", "sha1-password", "v4-digest");
    private static final List<String> LIST_FIELDS = List.of("id", "name");
    private static final List<String> BUDDY_FIELDS = List.of("sid", "mobile", "local-name", "lists");
    private static final List<String> CORE_AUTH_FIELDS = List.of("username", "password");

    private final String coreDomain;
    private final LoadErrors errors;

    AccountEntryReader(String coreDomain, LoadErrors errors) {
        this.coreDomain = coreDomain;
        this.errors = errors;
    }

    /** The account, or empty if any field is wrong (each problem is in the errors). */
    Optional<Account> read(Node node, String path) {
        Optional<YamlFields> parsed = YamlFields.of(node, path, ACCOUNT_FIELDS, errors);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        YamlFields f = parsed.get();
        Optional<String> sid = f.required("sid", AccountRules::sid);
        Optional<String> userId = f.required("user-id", AccountRules::userId);
        Optional<String> mobile = f.optional("mobile", AccountRules::mobile);
        String nickname = f.optional("nickname", AccountRules::nickname).orElse("");
        String impresa = f.optional("impresa", AccountRules::impresa).orElse("");
        Optional<Credentials> credentials = credentials(f, sid);
        List<BuddyList> lists = buddyLists(f);
        List<Buddy> buddies = buddies(f);
        Optional<String> coreAor = f.optional("core-aor", AccountRules::coreAor);
        Optional<CoreCredentials> coreAuth = coreAuth(f);
        if (!f.ok()) {
            return Optional.empty();
        }
        return Optional.of(new Account(sid.orElseThrow(), userId.orElseThrow(), mobile, nickname, impresa,
                credentials.orElseThrow(), lists, buddies,
                coreAor.orElseGet(() -> Account.defaultCoreAor(sid.orElseThrow(), coreDomain)), coreAuth));
    }

    /** {@code password:} (hashed here), or all three hashes as {@link PasswordHashes#toYaml()} prints them. */
    private static Optional<Credentials> credentials(YamlFields f, Optional<String> sid) {
        boolean anyHash = HASH_FIELDS.stream().anyMatch(f::has);
        if (f.has("password")) {
            if (anyHash) {
                f.fail("password", "give either password or the three hashes, not both");
                return Optional.empty();
            }
            Optional<String> password = f.optional("password", AccountRules::password);
            return sid.isPresent() && password.isPresent()
                    ? Optional.of(PasswordHashes.of(sid.get(), password.get()).credentials()) : Optional.empty();
        }
        if (!anyHash) {
            f.fail("missing password (or the three hashes " + String.join(", ", HASH_FIELDS) + ")");
            return Optional.empty();
        }
        Optional<String> md5 = f.required("md5-sess-key", v -> AccountRules.hex(v, 32));
        Optional<String> sha1 = f.required("sha1-password", v -> AccountRules.hex(v, 40));
        Optional<String> v4 = f.required("v4-digest", v -> AccountRules.hex(v, 40));
        return md5.isPresent() && sha1.isPresent() && v4.isPresent()
                ? Optional.of(new Credentials(md5.get(), sha1.get(), v4.get())) : Optional.empty();
    }

    private List<BuddyList> buddyLists(YamlFields f) {
        List<Node> items = f.sequence("buddy-lists").orElse(List.of());
        List<BuddyList> lists = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            YamlFields.of(items.get(i), f.path("buddy-lists[" + i + "]"), LIST_FIELDS, errors).ifPresent(l -> {
                Optional<String> id = l.required("id", AccountEntryReader::listId);
                Optional<String> name = l.required("name", v -> AccountRules.name(v, false));
                if (id.isPresent() && name.isPresent()) {
                    lists.add(new BuddyList(Integer.parseInt(id.get()), name.get()));
                }
            });
        }
        return lists;
    }

    private List<Buddy> buddies(YamlFields f) {
        List<Node> items = f.sequence("buddies").orElse(List.of());
        List<Buddy> buddies = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            YamlFields.of(items.get(i), f.path("buddies[" + i + "]"), BUDDY_FIELDS, errors)
                    .flatMap(this::buddy).ifPresent(buddies::add);
        }
        return buddies;
    }

    private Optional<Buddy> buddy(YamlFields b) {
        if (b.has("sid") == b.has("mobile")) {
            b.fail("expected exactly one of sid or mobile");
            return Optional.empty();
        }
        Optional<Buddy.Address> address = b.has("sid")
                ? b.optional("sid", AccountRules::sid).map(Buddy.Sid::new)
                : b.optional("mobile", AccountRules::mobile).map(Buddy.Mobile::new);
        String localName = b.optional("local-name", v -> AccountRules.name(v, true)).orElse("");
        List<Integer> listIds = new ArrayList<>();
        List<Node> items = b.sequence("lists").orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            Optional<String> problem = item instanceof ScalarNode s ? listId(s.getValue())
                    : Optional.of("expected a list id, got " + YamlFields.describe(item));
            if (problem.isPresent()) {
                errors.add(YamlFields.line(item), b.path("lists[" + i + "]"), problem.get());
            } else {
                listIds.add(Integer.parseInt(((ScalarNode) item).getValue()));
            }
        }
        return b.ok() ? Optional.of(new Buddy(address.orElseThrow(), localName, listIds)) : Optional.empty();
    }

    private Optional<CoreCredentials> coreAuth(YamlFields f) {
        return f.mapping("core-auth", CORE_AUTH_FIELDS).flatMap(c -> {
            Optional<String> username = c.required("username", AccountRules::username);
            Optional<String> password = c.required("password", AccountRules::password);
            return username.isPresent() && password.isPresent()
                    ? Optional.of(new CoreCredentials(username.get(), password.get())) : Optional.empty();
        });
    }

    private static Optional<String> listId(String value) {
        if (!AccountRules.allDigits(value) || value.length() > 10) {
            return Optional.of("expected a list id (a positive integer), got '" + value + "'");
        }
        return AccountRules.listId(Long.parseLong(value));
    }
}
