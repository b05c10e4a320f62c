package io.sipcgateway.gateway.accounts;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
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
 * The file is read as a stream of YAML events, one account entry at a time ({@link YamlNodeStream}), field by field
 * as raw text, so nothing is ever constructed from a YAML tag (non-standard tags are refused, and the Yaml instance
 * carries a {@link SafeConstructor} all the same). Errors name the line and field, e.g.
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
        List<Account> accounts = new ArrayList<>();
        List<AccountLines> lines = new ArrayList<>();
        try {
            YamlNodeStream stream = new YamlNodeStream(newYaml().parse(reader).iterator());
            readDocument(stream, new AccountEntryReader(coreDomain, errors), errors, accounts, lines);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            errors.add(line, "", "YAML syntax: " + e.getProblem());
        } catch (YamlNodeStream.RefusedException e) {
            errors.add(e.line(), "", e.getMessage());
        } catch (YAMLException e) {
            errors.add(0, "", "YAML: " + e.getMessage());
        }
        if (errors.total() > 0) {
            return errors.toFailure();
        }
        for (DirectoryProblem problem : AccountDirectory.check(accounts)) {
            errors.add(lines.get(problem.account()).lineOf(problem), "accounts[" + problem.account() + "]."
                    + problem.path(), problem.message());
        }
        return errors.total() > 0 ? errors.toFailure() : new LoadResult.Loaded(AccountDirectory.ofChecked(accounts));
    }

    /**
     * Reads {@code accounts:} entry by entry from the event stream: only one entry's nodes exist at a time, and each
     * account keeps just its {@link AccountLines}.
     */
    private static void readDocument(YamlNodeStream stream, AccountEntryReader entries, LoadErrors errors,
            List<Account> accounts, List<AccountLines> lines) {
        stream.expect(Event.ID.StreamStart);
        if (stream.at(Event.ID.StreamEnd)) {
            errors.add(0, "", "empty file, expected 'accounts:'");
            return;
        }
        stream.expect(Event.ID.DocumentStart);
        if (!stream.at(Event.ID.MappingStart)) {
            Node top = stream.compose();
            errors.add(YamlFields.line(top), "", "expected a mapping, got " + YamlFields.describe(top));
            return;
        }
        int topLine = YamlNodeStream.line(stream.next());
        boolean seen = false;
        while (!stream.at(Event.ID.MappingEnd)) {
            Node key = stream.compose();
            String name = key instanceof ScalarNode scalar ? scalar.getValue() : null;
            if (name == null) {
                errors.add(YamlFields.line(key), "", "expected a field name, got " + YamlFields.describe(key));
            } else if (!name.equals("accounts")) {
                errors.add(YamlFields.line(key), name, "unknown field (expected one of accounts)");
            } else if (seen) {
                errors.add(YamlFields.line(key), name, "field given twice");
            }
            if (!"accounts".equals(name) || seen) {
                stream.compose();
                continue;
            }
            seen = true;
            if (!stream.at(Event.ID.SequenceStart)) {
                Node value = stream.compose();
                if (YamlFields.isNull(value)) {
                    errors.add(topLine, "", "missing 'accounts:'");
                } else {
                    errors.add(YamlFields.line(value), "accounts", "expected a list, got "
                            + YamlFields.describe(value));
                }
                continue;
            }
            stream.next();
            for (int i = 0; !stream.at(Event.ID.SequenceEnd); i++) {
                Node entry = stream.compose();
                entries.read(entry, "accounts[" + i + "]").ifPresent(account -> {
                    accounts.add(account);
                    lines.add(AccountLines.of(entry, account));
                });
            }
            stream.next();
        }
        if (!seen) {
            errors.add(topLine, "", "missing 'accounts:'");
        }
        stream.next();
        stream.expect(Event.ID.DocumentEnd);
        if (!stream.at(Event.ID.StreamEnd)) {
            errors.add(YamlNodeStream.line(stream.peek()), "", "expected one YAML document, found another");
        }
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
