package io.sipcgateway.mapping.presence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;

import io.sipcgateway.mapping.BodyResult;
import io.sipcgateway.mapping.Problem;
import io.sipcgateway.mapping.table.PresenceRule;
import io.sipcgateway.mapping.xml.Elements;
import io.sipcgateway.mapping.xml.EmptyTagStyle;
import io.sipcgateway.mapping.xml.SafeXml;
import io.sipcgateway.sipc.SipcBody;

/**
 * BN presence bodies (reference section 5.2): v2 {@code N: presence} ({@code <presence uri><basic value desc/>
 * <personal nickname impresa/>}, samples 51, 52), v4 {@code N: PresenceV4} ({@code <c id><p .../><pr b .../>},
 * samples 10, 11), and group members' presence, {@code N: PGGroup} ({@code <group uri><member uri state/>}, sample 55).
 *
 * <p>Reading: codes go through {@link PresenceRule} with their received meaning (0 = offline or invisible);
 * impresa/{@code i} is the note and nickname/{@code n} the display name, an empty value meaning "not given"
 * (MapleFetion {@code BuddyPresenceNotifyHandler} ignores empty ones too). A contact with only profile data
 * (v2 {@code <personal>} without {@code <basic>}, v4 {@code <p>} without {@code <pr>}) carries no presence state
 * and is skipped. v2 {@code SubscribeResult} events report per-contact subscription status codes, not presence
 * (the PresenceChanged events that follow carry it), so they and unknown event types are ignored.
 *
 * <p>Writing: v4 emits exactly the attribute set of sample 10 with neutral values where the model has nothing
 * (no mobile, score 0, portrait 0, no SMS forwarding); v2 emits the attribute set of sample 51 minus the device id
 * and the {@code <extended>} elements. Neither writes a clear-the-impresa instruction: absence means unchanged.
 */
public final class SipcPresenceEvents {
    private static final String PRESENCE_CHANGED = "PresenceChanged";
    /** Device capabilities of the v2 official client (sample 51): it may be messaged and invited. */
    private static final String V2_DEVICE_CAPS = "simple-im,im-session,temp-group,personal-group";
    /** Device capabilities of the PC client in sample 10. */
    private static final String V4_DEVICE_CAPS = "137";

    private SipcPresenceEvents() {
    }

    /**
     * A v4 contact to notify about: the BN is keyed by user-id and repeats the sid and SIP URI in {@code <p>}.
     *
     * @param userId the v4 user-id ({@code c id})
     * @param sid the Fetion number ({@code p sid})
     * @param sipUri {@code sip:<sid>@fetion.com.cn;p=<n>} ({@code p su})
     * @param presence state, note ({@code i}) and display name ({@code n})
     */
    public record V4Contact(String userId, String sid, String sipUri, Presence presence) {
        public V4Contact {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(sid, "sid");
            Objects.requireNonNull(sipUri, "sipUri");
            Objects.requireNonNull(presence, "presence");
        }
    }

    /** A group member's presence from a {@code PGGroup} PresenceChanged event; identity = member uri. */
    public record GroupMemberUpdate(String groupUri, PresenceUpdate member) {
        public GroupMemberUpdate {
            Objects.requireNonNull(groupUri, "groupUri");
            Objects.requireNonNull(member, "member");
        }
    }

    /** Reads a v2 {@code N: presence} body; identity = {@code presence uri}. */
    public static BodyResult<List<PresenceUpdate>> readV2(SipcBody events) {
        return SafeXml.parseRoot(events.bytes(), "", "events").flatMap(root -> {
            List<PresenceUpdate> updates = new ArrayList<>();
            for (Element event : presenceChanged(root)) {
                for (Element presence : Elements.children(event, "", "presence")) {
                    BodyResult<Optional<PresenceUpdate>> read = readV2Presence(presence);
                    if (read instanceof BodyResult.Rejected<Optional<PresenceUpdate>> r) {
                        return r.retyped();
                    }
                    read.toOptional().flatMap(u -> u).ifPresent(updates::add);
                }
            }
            return BodyResult.ok(List.copyOf(updates));
        });
    }

    /** Writes a v2 {@code N: presence} body: one PresenceChanged event with one {@code <presence>} per update. */
    public static SipcBody writeV2(List<PresenceUpdate> updates) {
        Element root = DocumentHelper.createElement("events");
        Element event = root.addElement("event").addAttribute("type", PRESENCE_CHANGED);
        for (PresenceUpdate update : updates) {
            Presence p = update.presence();
            Element presence = event.addElement("presence").addAttribute("uri", update.identity());
            presence.addElement("basic")
                    .addAttribute("value", SipcPresenceCode.write(p))
                    .addAttribute("desc", "")
                    .addAttribute("device-type", "PC")
                    .addAttribute("device-caps", V2_DEVICE_CAPS);
            if (p.displayName().isPresent() || p.note().isPresent()) {
                Element personal = presence.addElement("personal");
                p.displayName().ifPresent(n -> personal.addAttribute("nickname", n));
                p.note().ifPresent(i -> personal.addAttribute("impresa", i));
            }
        }
        return SipcBody.ofUtf8(SafeXml.compact(root, EmptyTagStyle.SPACED));
    }

    /** Reads a v4 {@code N: PresenceV4} body (or a bare {@code <contacts>}); identity = {@code c id}. */
    public static BodyResult<List<PresenceUpdate>> readV4(SipcBody contacts) {
        return SafeXml.parseRoot(contacts.bytes(), "", "events", "contacts").flatMap(root -> {
            List<Element> lists = new ArrayList<>();
            if (root.getName().equals("contacts")) {
                lists.add(root);
            } else {
                for (Element event : presenceChanged(root)) {
                    lists.addAll(Elements.children(event, "", "contacts"));
                }
            }
            List<PresenceUpdate> updates = new ArrayList<>();
            for (Element list : lists) {
                for (Element c : Elements.children(list, "", "c")) {
                    BodyResult<Optional<PresenceUpdate>> read = readV4Contact(c);
                    if (read instanceof BodyResult.Rejected<Optional<PresenceUpdate>> r) {
                        return r.retyped();
                    }
                    read.toOptional().flatMap(u -> u).ifPresent(updates::add);
                }
            }
            return BodyResult.ok(List.copyOf(updates));
        });
    }

    /** Writes a v4 {@code N: PresenceV4} body with the attribute set of sample 10, no whitespace. */
    public static SipcBody writeV4(List<V4Contact> contacts) {
        Element root = DocumentHelper.createElement("events");
        Element list = root.addElement("event").addAttribute("type", PRESENCE_CHANGED).addElement("contacts");
        for (V4Contact contact : contacts) {
            Presence p = contact.presence();
            Element c = list.addElement("c").addAttribute("id", contact.userId());
            c.addElement("p")
                    .addAttribute("v", "0")
                    .addAttribute("sid", contact.sid())
                    .addAttribute("su", contact.sipUri())
                    .addAttribute("m", "")
                    .addAttribute("c", "CMCC")
                    .addAttribute("cs", "0")
                    .addAttribute("s", "1")
                    .addAttribute("l", "0")
                    .addAttribute("svc", "")
                    .addAttribute("n", p.displayName().orElse(""))
                    .addAttribute("i", p.note().orElse(""))
                    .addAttribute("p", "0")
                    .addAttribute("sms", "0.0:0:0")
                    .addAttribute("sp", "0")
                    .addAttribute("sh", "0");
            c.addElement("pr")
                    .addAttribute("di", "")
                    .addAttribute("b", SipcPresenceCode.write(p))
                    .addAttribute("d", "")
                    .addAttribute("dt", "PC")
                    .addAttribute("dc", V4_DEVICE_CAPS);
        }
        return SipcBody.ofUtf8(SafeXml.compact(root, EmptyTagStyle.COMPACT));
    }

    /** Reads the PresenceChanged events of a {@code N: PGGroup} body (sample 55); other PGGroup events are ignored. */
    public static BodyResult<List<GroupMemberUpdate>> readPgGroup(SipcBody events) {
        return SafeXml.parseRoot(events.bytes(), "", "events").flatMap(root -> {
            List<GroupMemberUpdate> updates = new ArrayList<>();
            for (Element event : presenceChanged(root)) {
                for (Element group : Elements.children(event, "", "group")) {
                    String groupUri = group.attributeValue("uri", "").strip();
                    for (Element member : Elements.children(group, "", "member")) {
                        String uri = member.attributeValue("uri", "").strip();
                        if (groupUri.isEmpty() || uri.isEmpty()) {
                            return BodyResult.rejected(Problem.MISSING, Elements.path(member)
                                    + " needs a group uri and a member uri");
                        }
                        BodyResult<PresenceRule> rule = SipcPresenceCode.read(member.attributeValue("state"),
                                "member " + uri + " state");
                        if (rule instanceof BodyResult.Rejected<PresenceRule> r) {
                            return r.retyped();
                        }
                        Presence p = rule.toOptional().orElseThrow().presence();
                        updates.add(new GroupMemberUpdate(groupUri, new PresenceUpdate(uri, p)));
                    }
                }
            }
            return BodyResult.ok(List.copyOf(updates));
        });
    }

    /** Writes a {@code N: PGGroup} PresenceChanged body for one group in the shape of sample 55 (WIRE). */
    public static SipcBody writePgGroup(String groupUri, List<PresenceUpdate> members) {
        Element root = DocumentHelper.createElement("events");
        Element group = root.addElement("event").addAttribute("type", PRESENCE_CHANGED)
                .addElement("group").addAttribute("uri", groupUri);
        for (PresenceUpdate member : members) {
            group.addElement("member").addAttribute("uri", member.identity())
                    .addAttribute("state", SipcPresenceCode.write(member.presence()))
                    .addAttribute("client-type", "PC");
        }
        return SipcBody.ofUtf8(SafeXml.compact(root, EmptyTagStyle.SPACED));
    }

    private static List<Element> presenceChanged(Element events) {
        List<Element> found = new ArrayList<>();
        for (Element event : Elements.children(events, "", "event")) {
            if (PRESENCE_CHANGED.equalsIgnoreCase(event.attributeValue("type", ""))) {
                found.add(event);
            }
        }
        return found;
    }

    private static BodyResult<Optional<PresenceUpdate>> readV2Presence(Element presence) {
        Optional<String> uri = Elements.attribute(presence, "uri").filter(u -> !u.isBlank());
        if (uri.isEmpty()) {
            return BodyResult.rejected(Problem.MISSING, Elements.path(presence) + " has no uri");
        }
        Optional<Element> basic = Elements.child(presence, "", "basic");
        if (basic.isEmpty()) {
            return BodyResult.ok(Optional.empty());
        }
        Optional<Element> personal = Elements.child(presence, "", "personal");
        return SipcPresenceCode.read(basic.get().attributeValue("value"), "presence " + uri.get() + " basic@value")
                .map(rule -> Optional.of(new PresenceUpdate(uri.get(), rule.presence()
                        .withNote(personal.flatMap(e -> Elements.attribute(e, "impresa")))
                        .withDisplayName(personal.flatMap(e -> Elements.attribute(e, "nickname"))))));
    }

    private static BodyResult<Optional<PresenceUpdate>> readV4Contact(Element c) {
        Optional<String> id = Elements.attribute(c, "id").filter(u -> !u.isBlank());
        if (id.isEmpty()) {
            return BodyResult.rejected(Problem.MISSING, Elements.path(c) + " has no id");
        }
        Optional<Element> pr = Elements.child(c, "", "pr");
        if (pr.isEmpty()) {
            return BodyResult.ok(Optional.empty());
        }
        Optional<Element> p = Elements.child(c, "", "p");
        return SipcPresenceCode.read(pr.get().attributeValue("b"), "c " + id.get() + " pr@b")
                .map(rule -> Optional.of(new PresenceUpdate(id.get(), rule.presence()
                        .withNote(p.flatMap(e -> Elements.attribute(e, "i")))
                        .withDisplayName(p.flatMap(e -> Elements.attribute(e, "n"))))));
    }
}
