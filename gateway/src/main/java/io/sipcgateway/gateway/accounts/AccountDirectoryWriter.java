package io.sipcgateway.gateway.accounts;

import java.util.List;

/**
 * Writes a directory as {@code accounts.yaml}, in the format {@link AccountDirectoryLoader} reads, with password
 * hashes (a directory holds no passwords). Core AORs equal to the default for {@code coreDomain} are left out.
 */
public final class AccountDirectoryWriter {
    private AccountDirectoryWriter() {
    }

    public static String toYaml(AccountDirectory directory, String coreDomain) {
        StringBuilder out = new StringBuilder(256 * (directory.size() + 1));
        out.append("accounts:\n");
        for (Account account : directory.accounts()) {
            write(account, coreDomain, out);
        }
        return out.toString();
    }

    private static void write(Account a, String coreDomain, StringBuilder out) {
        out.append("  - sid: ").append(a.sid()).append('\n');
        out.append("    user-id: ").append(a.userId()).append('\n');
        a.mobile().ifPresent(m -> out.append("    mobile: ").append(m).append('\n'));
        out.append("    nickname: ").append(quote(a.nickname())).append('\n');
        if (!a.impresa().isEmpty()) {
            out.append("    impresa: ").append(quote(a.impresa())).append('\n');
        }
        out.append("    md5-sess-key: \"").append(a.credentials().md5SessKey()).append("\"\n");
        out.append("    sha1-password: \"").append(a.credentials().sha1Password()).append("\"\n");
        out.append("    v4-digest: \"").append(a.credentials().v4Digest()).append("\"\n");
        out.append("    buddy-lists: [");
        for (int i = 0; i < a.buddyLists().size(); i++) {
            BuddyList list = a.buddyLists().get(i);
            out.append(i == 0 ? "" : ", ").append("{id: ").append(list.id()).append(", name: ")
                    .append(quote(list.name())).append('}');
        }
        out.append("]\n");
        out.append("    buddies: [");
        for (int i = 0; i < a.buddies().size(); i++) {
            Buddy buddy = a.buddies().get(i);
            out.append(i == 0 ? "{" : ", {");
            if (buddy.address() instanceof Buddy.Sid s) {
                out.append("sid: ").append(s.sid());
            } else {
                out.append("mobile: ").append(((Buddy.Mobile) buddy.address()).mobile());
            }
            out.append(", local-name: ").append(quote(buddy.localName())).append(", lists: ");
            appendIds(buddy.listIds(), out);
            out.append('}');
        }
        out.append("]\n");
        if (!a.coreAor().equals(Account.defaultCoreAor(a.sid(), coreDomain))) {
            out.append("    core-aor: ").append(quote(a.coreAor())).append('\n');
        }
        a.coreCredentials().ifPresent(c -> out.append("    core-auth: {username: ").append(quote(c.username()))
                .append(", password: ").append(quote(c.password())).append("}\n"));
    }

    private static void appendIds(List<Integer> ids, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < ids.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(ids.get(i));
        }
        out.append(']');
    }

    /** A YAML double-quoted scalar (YAML 1.1 5.7): backslash escapes for {@code \} and {@code "}. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
