package io.sipcgateway.gateway.accounts;

import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where one account's fields are in the file, kept instead of its node tree so that a problem found after every
 * account is read ({@link AccountDirectory#check}) can still name its line. A field that is not in the file (a
 * default core AOR, say) maps to the line of the entry.
 */
record AccountLines(int entry, int sid, int userId, int mobile, int coreAor, int[] listIds, int[] buddies,
        int[][] buddyLists) {

    /** The lines of an entry that {@link AccountEntryReader} read into an account without error. */
    static AccountLines of(Node node, Account account) {
        int entry = YamlFields.line(node);
        List<Node> lists = items(child(node, "buddy-lists"), account.buddyLists().size());
        int[] listIds = new int[lists.size()];
        for (int i = 0; i < listIds.length; i++) {
            listIds[i] = line(child(lists.get(i), "id"), entry);
        }
        List<Node> buddyNodes = items(child(node, "buddies"), account.buddies().size());
        int[] buddies = new int[buddyNodes.size()];
        int[][] buddyLists = new int[buddies.length][];
        for (int b = 0; b < buddies.length; b++) {
            Node buddy = buddyNodes.get(b);
            Node address = child(buddy, "sid");
            buddies[b] = line(address != null ? address : child(buddy, "mobile"), entry);
            List<Node> ids = items(child(buddy, "lists"), account.buddies().get(b).listIds().size());
            buddyLists[b] = new int[ids.size()];
            for (int l = 0; l < ids.size(); l++) {
                buddyLists[b][l] = line(ids.get(l), entry);
            }
        }
        return new AccountLines(entry, line(child(node, "sid"), entry), line(child(node, "user-id"), entry),
                line(child(node, "mobile"), entry), line(child(node, "core-aor"), entry), listIds, buddies,
                buddyLists);
    }

    int lineOf(DirectoryProblem problem) {
        return switch (problem.field()) {
            case SID -> sid;
            case USER_ID -> userId;
            case MOBILE -> mobile;
            case CORE_AOR -> coreAor;
            case LIST_ID -> listIds[problem.item()];
            case BUDDY_SID, BUDDY_MOBILE -> buddies[problem.item()];
            case BUDDY_LIST -> buddyLists[problem.item()][problem.subItem()];
        };
    }

    private static Node child(Node node, String key) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                    return tuple.getValueNode();
                }
            }
        }
        return null;
    }

    /** The items of a sequence the reader accepted, which has exactly {@code expected} of them. */
    private static List<Node> items(Node node, int expected) {
        List<Node> items = node instanceof SequenceNode sequence ? sequence.getValue() : List.of();
        if (items.size() != expected) {
            throw new IllegalStateException("the reader accepted " + expected + " items, the file has "
                    + items.size());
        }
        return items;
    }

    private static int line(Node node, int fallback) {
        return node == null ? fallback : YamlFields.line(node);
    }
}
