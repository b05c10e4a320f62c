package io.sipcgateway.gateway.accounts;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Loads an {@link AccountDirectory} from YAML:
 * <pre>
 * accounts:
 *   - sid: 916000001
 *     user-id: 300000001
 *     mobile: 13800000001                # optional
 *     nickname: alice                    # optional
 *     impresa: hello                     # optional
 *     password: alicepw                  # or the three hashes that PasswordHashes.toYaml() prints
 *     buddy-lists: [{id: 1, name: Friends}]
 *     buddies: [{sid: 916000002, local-name: bob, lists: [1]}]     # or {mobile: 13800000002, ...}
 *     core-aor: sip:alice@example.test   # optional, default sip:&lt;sid&gt;@&lt;core domain&gt;
 *     core-auth: {username: alice, password: secret}               # optional
 * </pre>
 * The file is composed into a node tree and read field by field, so nothing is ever constructed from a YAML tag
 * (the Yaml instance also carries a {@link SafeConstructor}). Errors name the line and field, e.g.
 * {@code accounts.yaml line 7: accounts[1].sid: expected digits, got 'abc'}.
 */
public final class AccountDirectoryLoader {
    /** The most errors a failed load lists; the rest are counted. */
    public static final int MAX_ERRORS = 50;
    /** Large enough for a few million accounts; SnakeYAML's default (3 MB) is not. */
    static final int CODE_POINT_LIMIT = Integer.MAX_VALUE;

    private final String coreDomain;

    /** @param coreDomain the SIP core's domain, for default core AORs {@code sip:<sid>@<coreDomain>} */
    public AccountDirectoryLoader(String coreDomain) {
        this.coreDomain = Objects.requireNonNull(coreDomain, "coreDomain");
        if (coreDomain.isEmpty() || coreDomain.indexOf('@') >= 0 || coreDomain.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("not a domain: '" + coreDomain + "'");
        }
    }

    /** Loads {@code file} (UTF-8); an unreadable file is a failed load, named by its file name. */
    public LoadResult load(Path file) {
        String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(source, reader);
        } catch (IOException e) {
            LoadErrors errors = new LoadErrors(source, MAX_ERRORS);
            errors.add(0, "", "cannot read " + file + ": " + e);
            return errors.toFailure();
        }
    }

    /** Loads YAML text from {@code reader}; {@code source} names it in errors. */
    public LoadResult load(String source, Reader reader) {
        LoadErrors errors = new LoadErrors(source, MAX_ERRORS);
        Node root;
        try {
            root = newYaml().compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            errors.add(line, "", "YAML syntax: " + e.getProblem());
            return errors.toFailure();
        } catch (YAMLException e) {
            errors.add(0, "", "YAML: " + e.getMessage());
            return errors.toFailure();
        }
        if (root == null) {
            errors.add(0, "", "empty file, expected 'accounts:'");
            return errors.toFailure();
        }
        Optional<YamlFields> top = YamlFields.of(root, "", List.of("accounts"), errors);
        if (top.isEmpty()) {
            return errors.toFailure();
        }
        if (!top.get().has("accounts")) {
            top.get().fail("missing 'accounts:'");
            return errors.toFailure();
        }
        List<Node> nodes = top.get().sequence("accounts").orElse(List.of());
        List<Account> accounts = new ArrayList<>(nodes.size());
        AccountEntryReader entries = new AccountEntryReader(coreDomain, errors);
        for (int i = 0; i < nodes.size(); i++) {
            entries.read(nodes.get(i), "accounts[" + i + "]").ifPresent(accounts::add);
        }
        if (errors.total() > 0) {
            return errors.toFailure();
        }
        for (DirectoryProblem problem : AccountDirectory.check(accounts)) {
            Node node = nodes.get(problem.account());
            errors.add(YamlFields.lineOf(node, problem.path()), "accounts[" + problem.account() + "]."
                    + problem.path(), problem.message());
        }
        return errors.total() > 0 ? errors.toFailure() : new LoadResult.Loaded(AccountDirectory.of(accounts));
    }

    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(CODE_POINT_LIMIT);
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options);
    }
}
