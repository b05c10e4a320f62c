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
import io.sipcgateway.sipc.SipcVersion;

/**
 * The {@code <args>} of the user's own presence requests (reference section 4):
 * {@code S SetPresence} (v2), {@code SetPresenceV4} (v4, sample 12), {@code PGSetPresence} (group, sample 53),
 * and the impresa/nickname carried by {@code SetUserInfoV4} (v4) and {@code SetPersonalInfo} (v2).
 *
 * <p>A code the user <em>sends</em> is read through {@link PresenceRule}, except that 0 means "hide me"
 * (section 5.3, libfetion {@code state_local_to_prtocol}: hidden → 0) and is read as
 * {@link Activity#INVISIBLE}. SetPresence carries no impresa: a mood arrives separately and is merged with
 * {@link PersonalInfo#applyTo(Presence)}. The server's echo ({@code <results>}, samples 13 and 54) reads the same.
 */
public final class SipcPresenceArgs {
    private static final String[] ROOTS = {"args", "results"};

    private SipcPresenceArgs() {
    }

    /** A group's presence from {@code PGSetPresence}. */
    public record GroupPresence(String groupUri, Presence presence) {
        public GroupPresence {
            Objects.requireNonNull(groupUri, "groupUri");
            Objects.requireNonNull(presence, "presence");
        }
    }

    /**
     * The {@code <personal>} attributes of {@code SetUserInfoV4} / {@code SetPersonalInfo}. Each is empty when the
     * attribute is absent (the request changes something else, e.g. {@code sms-online-status}) and {@code ""} when
     * the user cleared it.
     */
    public record PersonalInfo(Optional<String> impresa, Optional<String> nickname) {
        public PersonalInfo {
            Objects.requireNonNull(impresa, "impresa");
            Objects.requireNonNull(nickname, "nickname");
        }

        /** {@code presence} with the impresa as its note and the nickname as its display name, where given. */
        public Presence applyTo(Presence presence) {
            Presence p = impresa.isPresent() ? presence.withNote(impresa) : presence;
            return nickname.isPresent() ? p.withDisplayName(nickname) : p;
        }
    }

    /** Reads SetPresence, SetPresenceV4 or PGSetPresence (the first group's presence). */
    public static BodyResult<Presence> readSetPresence(SipcBody args) {
        return SafeXml.parseRoot(args.bytes(), "", ROOTS).flatMap(root -> {
            Optional<Element> presence = Elements.child(root, "", "presence");
            if (presence.isPresent()) {
                return readPresence(presence.get());
            }
            return readGroups(root).flatMap(groups -> BodyResult.ok(groups.get(0).presence()));
        });
    }

    /** Reads every {@code <group uri><presence>} of a PGSetPresence body (sample 53). */
    public static BodyResult<List<GroupPresence>> readPgSetPresence(SipcBody args) {
        return SafeXml.parseRoot(args.bytes(), "", ROOTS).flatMap(SipcPresenceArgs::readGroups);
    }

    /** Reads the impresa and nickname of SetUserInfoV4 ({@code <userinfo><personal>}) or SetPersonalInfo. */
    public static BodyResult<PersonalInfo> readPersonalInfo(SipcBody args) {
        return SafeXml.parseRoot(args.bytes(), "", ROOTS).flatMap(root -> {
            Element holder = Elements.child(root, "", "userinfo").orElse(root);
            return Elements.child(holder, "", "personal")
                    .<BodyResult<PersonalInfo>>map(personal -> BodyResult.ok(new PersonalInfo(
                            Elements.attribute(personal, "impresa"), Elements.attribute(personal, "nickname"))))
                    .orElseGet(() -> BodyResult.rejected(Problem.MISSING,
                            Elements.path(holder) + " has no <personal>"));
        });
    }

    /**
     * Writes SetPresence as the clients send it: v2 {@code <args><presence><basic value="400" /></presence></args>}
     * (captures, section 4.2), v4 {@code <args><presence><basic value="100"/></presence></args>} (sample 12 without
     * libxml2's surrounding newlines). Only the code is written; note and display name do not travel here.
     */
    public static SipcBody writeSetPresence(Presence presence, SipcVersion version) {
        Element args = DocumentHelper.createElement("args");
        args.addElement("presence").addElement("basic").addAttribute("value", SipcPresenceCode.write(presence));
        return SipcBody.ofUtf8(SafeXml.compact(args, style(version)));
    }

    /** Writes PGSetPresence in the shape of sample 53 (WIRE): {@code <basic value=".." client-type="PC" />}. */
    public static SipcBody writePgSetPresence(String groupUri, Presence presence, SipcVersion version) {
        Element args = DocumentHelper.createElement("args");
        args.addElement("groups").addElement("group").addAttribute("uri", groupUri)
                .addElement("presence").addElement("basic")
                .addAttribute("value", SipcPresenceCode.write(presence))
                .addAttribute("client-type", "PC");
        return SipcBody.ofUtf8(SafeXml.compact(args, style(version)));
    }

    private static BodyResult<List<GroupPresence>> readGroups(Element root) {
        Optional<Element> groups = Elements.child(root, "", "groups");
        if (groups.isEmpty()) {
            return BodyResult.rejected(Problem.MISSING, Elements.path(root) + " has neither <presence> nor <groups>");
        }
        List<GroupPresence> read = new ArrayList<>();
        for (Element group : Elements.children(groups.get(), "", "group")) {
            Optional<String> uri = Elements.attribute(group, "uri").filter(u -> !u.isBlank());
            Optional<Element> presence = Elements.child(group, "", "presence");
            if (uri.isEmpty() || presence.isEmpty()) {
                return BodyResult.rejected(Problem.MISSING, Elements.path(group) + " needs a uri and a <presence>");
            }
            BodyResult<Presence> p = readPresence(presence.get());
            if (p instanceof BodyResult.Rejected<Presence> r) {
                return r.retyped();
            }
            read.add(new GroupPresence(uri.get(), ((BodyResult.Ok<Presence>) p).value()));
        }
        if (read.isEmpty()) {
            return BodyResult.rejected(Problem.MISSING, Elements.path(groups.get()) + " has no <group>");
        }
        return BodyResult.ok(List.copyOf(read));
    }

    private static BodyResult<Presence> readPresence(Element presence) {
        Optional<Element> basic = Elements.child(presence, "", "basic");
        if (basic.isEmpty()) {
            return BodyResult.rejected(Problem.MISSING, Elements.path(presence) + " has no <basic>");
        }
        String where = Elements.path(basic.get()) + "@value";
        return SipcPresenceCode.read(basic.get().attributeValue("value"), where).map(SipcPresenceArgs::sent);
    }

    /** What a code means when the user sends it: 0 hides (section 5.3), everything else as the table says. */
    private static Presence sent(PresenceRule rule) {
        return rule == PresenceRule.OFFLINE_OR_HIDDEN
                ? Presence.of(Basic.CLOSED, Activity.INVISIBLE) : rule.presence();
    }

    static EmptyTagStyle style(SipcVersion version) {
        return version.major() >= 4 ? EmptyTagStyle.COMPACT : EmptyTagStyle.SPACED;
    }
}
