package io.sipcgateway.mapping.presence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.QName;

import io.sipcgateway.mapping.BodyResult;
import io.sipcgateway.mapping.Problem;
import io.sipcgateway.mapping.xml.Elements;
import io.sipcgateway.mapping.xml.SafeXml;

/**
 * PIDF (RFC 3863) with RPID activities (RFC 4480), the RFC 4479 {@code dm:person} and the CIPID display name
 * (RFC 4482) ⇄ {@link Presence}. Also reads {@code application/cpim-pidf+xml}, the same schema under the
 * pre-RFC namespace {@code urn:ietf:params:xml:ns:cpim-pidf} (seed document 001).
 *
 * <p>Written layout, the one Kamailio's presence_xml aggregates and common UAs read: one {@code <tuple>} with
 * {@code <status><basic>} and the note, and, when there is an activity or display name, one {@code dm:person} with
 * {@code rpid:activities} and {@code c:display-name}. Ids are derived from the entity (no randomness), so the same
 * presentity always publishes the same tuple id. See {@link RpidActivityRule} for BE_RIGHT_BACK and DO_NOT_DISTURB.
 * {@link Activity#INVISIBLE} is written as plain {@code closed} with no activity, so watchers cannot tell a hidden
 * user from an offline one; it therefore reads back as {@code CLOSED/NONE}, the only lossy value.
 *
 * <p>Read: namespaces by URI, activities anywhere under the presence element (person or tuple), note from a tuple
 * (an open one first), else the person, else the presence element; any open tuple makes the presentity open, and a
 * missing {@code <basic>} counts as closed.
 */
public final class Pidf {
    public static final String CONTENT_TYPE = "application/pidf+xml";
    public static final String CPIM_CONTENT_TYPE = "application/cpim-pidf+xml";
    public static final String PIDF_NS = "urn:ietf:params:xml:ns:pidf";
    public static final String CPIM_PIDF_NS = "urn:ietf:params:xml:ns:cpim-pidf";
    public static final String RPID_NS = "urn:ietf:params:xml:ns:pidf:rpid";
    public static final String DATA_MODEL_NS = "urn:ietf:params:xml:ns:pidf:data-model";
    public static final String CIPID_NS = "urn:ietf:params:xml:ns:pidf:cipid";

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final Namespace PIDF = Namespace.get(PIDF_NS);
    private static final Namespace DM = Namespace.get("dm", DATA_MODEL_NS);
    private static final Namespace RPID = Namespace.get("rpid", RPID_NS);
    private static final Namespace CIPID = Namespace.get("c", CIPID_NS);

    private Pidf() {
    }

    /** True for the two media types this class reads (parameters and case ignored). */
    public static boolean isPidf(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals(CONTENT_TYPE) || type.equals(CPIM_CONTENT_TYPE);
    }

    /** Reads a PIDF or CPIM-PIDF document; identity = the {@code entity} attribute. */
    public static BodyResult<PresenceUpdate> read(byte[] body) {
        return SafeXml.parse(body).flatMap(doc -> {
            Element root = doc.getRootElement();
            String ns = root.getNamespaceURI();
            if (!root.getName().equals("presence") || !(ns.equals(PIDF_NS) || ns.equals(CPIM_PIDF_NS))) {
                return BodyResult.rejected(Problem.UNSUPPORTED, "root element {" + ns + "}" + root.getName()
                        + " is not a PIDF presence document");
            }
            Optional<String> entity = Elements.attribute(root, "entity").map(String::strip).filter(e -> !e.isEmpty());
            if (entity.isEmpty()) {
                return BodyResult.rejected(Problem.MISSING, "presence has no entity attribute (RFC 3863 4.1.1)");
            }
            return BodyResult.ok(new PresenceUpdate(entity.get(), readPresence(root, ns)));
        });
    }

    /** Writes a UTF-8 PIDF document for {@code entity}, with an XML declaration. */
    public static byte[] write(String entity, Presence presence) {
        Objects.requireNonNull(entity, "entity");
        String id = Integer.toHexString(entity.hashCode());
        Element root = DocumentHelper.createElement(QName.get("presence", PIDF));
        root.add(PIDF);
        root.add(DM);
        root.add(RPID);
        root.add(CIPID);
        root.addAttribute("entity", entity);
        Element tuple = root.addElement(QName.get("tuple", PIDF)).addAttribute("id", "sipc-" + id);
        tuple.addElement(QName.get("status", PIDF)).addElement(QName.get("basic", PIDF))
                .setText(presence.isOpen() ? "open" : "closed");
        presence.note().ifPresent(note -> tuple.addElement(QName.get("note", PIDF)).setText(note));
        Optional<RpidActivityRule> activity = RpidActivityRule.forActivity(presence.activity());
        if (activity.isPresent() || presence.displayName().isPresent()) {
            Element person = root.addElement(QName.get("person", DM)).addAttribute("id", "p-" + id);
            activity.ifPresent(rule -> {
                Element activities = person.addElement(QName.get("activities", RPID));
                activities.addElement(QName.get(rule.element(), RPID));
                rule.otherToken().ifPresent(token -> activities.addElement(QName.get("other", RPID)).setText(token));
            });
            presence.displayName().ifPresent(name ->
                    person.addElement(QName.get("display-name", CIPID)).setText(name));
        }
        return (DECLARATION + SafeXml.compact(root)).getBytes(StandardCharsets.UTF_8);
    }

    private static Presence readPresence(Element root, String ns) {
        List<Element> tuples = Elements.children(root, ns, "tuple");
        boolean open = false;
        for (Element tuple : tuples) {
            open |= isOpen(tuple, ns);
        }
        Set<String> activityNames = new HashSet<>();
        Set<String> otherTokens = new HashSet<>();
        for (Element activities : Elements.descendants(root, RPID_NS, "activities")) {
            for (Element a : activities.elements()) {
                if (a.getNamespaceURI().equals(RPID_NS)) {
                    activityNames.add(a.getName());
                    if (a.getName().equals("other")) {
                        otherTokens.add(a.getText().strip().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        Activity activity = RpidActivityRule.read(activityNames, otherTokens);
        Optional<String> displayName = Elements.descendants(root, CIPID_NS, "display-name").stream()
                .map(Elements::text).flatMap(Optional::stream).findFirst();
        return new Presence(open ? Basic.OPEN : Basic.CLOSED, activity, note(root, ns, tuples), displayName);
    }

    private static boolean isOpen(Element tuple, String ns) {
        return Elements.child(tuple, ns, "status")
                .flatMap(status -> Elements.child(status, ns, "basic"))
                .flatMap(Elements::text)
                .map(text -> text.equalsIgnoreCase("open"))
                .orElse(false);
    }

    private static Optional<String> note(Element root, String ns, List<Element> tuples) {
        List<Element> candidates = new ArrayList<>();
        for (Element tuple : tuples) {
            if (isOpen(tuple, ns)) {
                candidates.addAll(Elements.children(tuple, ns, "note"));
            }
        }
        for (Element tuple : tuples) {
            candidates.addAll(Elements.children(tuple, ns, "note"));
        }
        for (Element person : Elements.children(root, DATA_MODEL_NS, "person")) {
            candidates.addAll(Elements.children(person, DATA_MODEL_NS, "note"));
            candidates.addAll(Elements.children(person, ns, "note"));
        }
        candidates.addAll(Elements.children(root, ns, "note"));
        return candidates.stream().map(Elements::text).flatMap(Optional::stream).findFirst();
    }
}
