package io.sipcgateway.mapping.presence;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.dom4j.Element;

import io.sipcgateway.mapping.BodyResult;
import io.sipcgateway.mapping.Problem;
import io.sipcgateway.mapping.xml.Elements;
import io.sipcgateway.mapping.xml.SafeXml;

/**
 * The body of an RFC 4662 resource-list NOTIFY: {@code multipart/related;type="application/rlmi+xml";start=..;
 * boundary=..}, an RLMI {@code <list>} (RFC 4662 section 5) plus one PIDF part per active instance, linked by
 * Content-ID. This is what a SIP-C buddy-list subscription becomes on the core side (reference section 11).
 *
 * <p>One {@link PresenceUpdate} per resource with a readable active instance; identity = the resource {@code uri}
 * (not the PIDF entity, which a presence server may rewrite). Pending and terminated instances carry no state and
 * produce nothing. An active instance whose part is missing, unreadable or not PIDF is {@link Skipped} with the
 * reason; {@link #read} rejects the body only if the list itself is unreadable or every active instance was
 * skipped. A part that is itself {@code multipart/related} (a nested list, section 5.2) is read recursively up to
 * {@link #MAX_NESTING} levels. The MIME reading is lenient, see {@link MimeMultipart}.
 */
public final class RlmiNotify {
    public static final String CONTENT_TYPE = "application/rlmi+xml";
    public static final String RLMI_NS = "urn:ietf:params:xml:ns:rlmi";
    /** Largest whole NOTIFY body; each part is further capped by {@link SafeXml#MAX_BYTES}. */
    public static final int MAX_BYTES = 1024 * 1024;
    /** How deep nested lists may go. */
    public static final int MAX_NESTING = 3;

    private static final String MULTIPART_RELATED = "multipart/related";

    private RlmiNotify() {
    }

    /** An active instance that gave no update, and why. */
    public record Skipped(String resourceUri, Problem problem, String reason) {
        public Skipped {
            Objects.requireNonNull(resourceUri, "resourceUri");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Everything read from one NOTIFY body.
     *
     * @param uri the list URI ({@code list uri})
     * @param version the RLMI version, for ordering notifications (RFC 4662 section 5.2)
     * @param fullState true if the list holds every resource, false for a partial update
     * @param updates one per resource with a readable active instance, in document order
     * @param skipped active instances that gave no update, in document order
     */
    public record RlmiList(String uri, int version, boolean fullState, List<PresenceUpdate> updates,
            List<Skipped> skipped) {
        public RlmiList {
            Objects.requireNonNull(uri, "uri");
            updates = List.copyOf(updates);
            skipped = List.copyOf(skipped);
        }
    }

    /** The presence updates of the NOTIFY body; see the class comment for when it rejects. */
    public static BodyResult<List<PresenceUpdate>> read(byte[] body, String contentTypeHeaderValue) {
        return readList(body, contentTypeHeaderValue).flatMap(list -> {
            if (list.updates().isEmpty() && !list.skipped().isEmpty()) {
                Skipped first = list.skipped().get(0);
                StringBuilder detail = new StringBuilder("no resource of list " + list.uri() + " could be read:");
                for (Skipped s : list.skipped()) {
                    detail.append(' ').append(s.resourceUri()).append(": ").append(s.reason()).append(';');
                }
                return BodyResult.rejected(first.problem(), detail.substring(0, detail.length() - 1));
            }
            return BodyResult.ok(list.updates());
        });
    }

    /** The whole list, with the reasons for skipped instances. Rejects only if the list itself is unreadable. */
    public static BodyResult<RlmiList> readList(byte[] body, String contentTypeHeaderValue) {
        return readList(body, contentTypeHeaderValue, 0);
    }

    private static BodyResult<RlmiList> readList(byte[] body, String contentType, int nesting) {
        if (body.length > MAX_BYTES) {
            return BodyResult.rejected(Problem.TOO_LARGE, "NOTIFY body of " + body.length + " bytes exceeds "
                    + MAX_BYTES);
        }
        String media = MimeMultipart.mediaType(contentType);
        if (!media.equals(MULTIPART_RELATED)) {
            return BodyResult.rejected(Problem.UNSUPPORTED, "Content-Type " + media + ", expected "
                    + MULTIPART_RELATED + " (RFC 4662 section 5)");
        }
        Map<String, String> params = MimeMultipart.parameters(contentType);
        String type = params.get("type");
        if (type != null && !MimeMultipart.mediaType(type).equals(CONTENT_TYPE)) {
            return BodyResult.rejected(Problem.UNSUPPORTED, "multipart/related of type " + type + ", expected "
                    + CONTENT_TYPE);
        }
        String boundary = params.get("boundary");
        if (boundary == null) {
            return BodyResult.rejected(Problem.MISSING, "Content-Type has no boundary parameter");
        }
        Optional<String> bad = MimeMultipart.boundaryProblem(boundary);
        if (bad.isPresent()) {
            return BodyResult.rejected(Problem.MALFORMED, bad.get());
        }
        return MimeMultipart.split(body, boundary).flatMap(parts -> readParts(parts, params.get("start"), nesting));
    }

    private static BodyResult<RlmiList> readParts(List<MimeMultipart.Part> parts, String start, int nesting) {
        if (parts.isEmpty()) {
            return BodyResult.rejected(Problem.MISSING, "multipart body has no parts");
        }
        Map<String, MimeMultipart.Part> byCid = new HashMap<>();
        for (MimeMultipart.Part part : parts) {
            part.contentId().ifPresent(cid -> byCid.putIfAbsent(cid, part));
        }
        MimeMultipart.Part root = parts.get(0);          // RFC 2387 section 3.2: no start = the first part
        if (start != null) {
            root = byCid.get(MimeMultipart.normaliseCid(start));
            if (root == null) {
                return BodyResult.rejected(Problem.MISSING, "no part has the start Content-ID " + start);
            }
        }
        Optional<String> rootType = root.mediaType();
        if (rootType.isPresent() && !rootType.get().equals(CONTENT_TYPE)) {
            return BodyResult.rejected(Problem.UNSUPPORTED, "root part is " + rootType.get() + ", expected "
                    + CONTENT_TYPE);
        }
        return SafeXml.parseRoot(root.content(), RLMI_NS, "list").withContext("RLMI part")
                .flatMap(list -> readResources(list, byCid, nesting));
    }

    private static BodyResult<RlmiList> readResources(Element list, Map<String, MimeMultipart.Part> byCid,
            int nesting) {
        Optional<String> uri = Elements.attribute(list, "uri").map(String::strip).filter(u -> !u.isEmpty());
        if (uri.isEmpty()) {
            return BodyResult.rejected(Problem.MISSING, "RLMI list has no uri");
        }
        int version;
        try {
            version = Integer.parseInt(list.attributeValue("version", "").strip());
        } catch (NumberFormatException e) {
            return BodyResult.rejected(Problem.MALFORMED, "RLMI list version '" + list.attributeValue("version")
                    + "' is not a number");
        }
        String full = list.attributeValue("fullState", "").strip().toLowerCase(Locale.ROOT);
        List<PresenceUpdate> updates = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Element resource : Elements.children(list, RLMI_NS, "resource")) {
            String resourceUri = resource.attributeValue("uri", "").strip();
            for (Element instance : Elements.children(resource, RLMI_NS, "instance")) {
                if ("active".equalsIgnoreCase(instance.attributeValue("state", "").strip())) {
                    readInstance(resourceUri, instance, byCid, nesting, updates, skipped);
                    break;                               // one state per resource: the first active instance
                }
            }
        }
        return BodyResult.ok(new RlmiList(uri.get(), version, full.equals("true") || full.equals("1"), updates,
                skipped));
    }

    private static void readInstance(String resourceUri, Element instance, Map<String, MimeMultipart.Part> byCid,
            int nesting, List<PresenceUpdate> updates, List<Skipped> skipped) {
        String cid = instance.attributeValue("cid");
        if (resourceUri.isEmpty()) {
            skipped.add(new Skipped("", Problem.MISSING, "resource has no uri"));
            return;
        }
        if (cid == null || cid.isBlank()) {
            skipped.add(new Skipped(resourceUri, Problem.MISSING, "active instance has no cid"));
            return;
        }
        MimeMultipart.Part part = byCid.get(MimeMultipart.normaliseCid(cid));
        if (part == null) {
            skipped.add(new Skipped(resourceUri, Problem.MISSING, "no part with Content-ID <" + cid + ">"));
            return;
        }
        BodyResult<byte[]> content = decode(part);
        if (content instanceof BodyResult.Rejected<byte[]> r) {
            skipped.add(new Skipped(resourceUri, r.problem(), "part <" + cid + ">: " + r.detail()));
            return;
        }
        String type = part.mediaType().orElse("");
        if (type.equals(MULTIPART_RELATED)) {
            if (nesting + 1 > MAX_NESTING) {
                skipped.add(new Skipped(resourceUri, Problem.TOO_LARGE, "lists nested deeper than " + MAX_NESTING));
                return;
            }
            BodyResult<RlmiList> nested = readList(content.toOptional().orElseThrow(),
                    part.header("content-type").orElseThrow(), nesting + 1);
            if (nested instanceof BodyResult.Rejected<RlmiList> r) {
                skipped.add(new Skipped(resourceUri, r.problem(), "nested list: " + r.detail()));
            } else {
                RlmiList sub = nested.toOptional().orElseThrow();
                updates.addAll(sub.updates());
                skipped.addAll(sub.skipped());
            }
            return;
        }
        if (!type.isEmpty() && !Pidf.isPidf(type)) {
            skipped.add(new Skipped(resourceUri, Problem.UNSUPPORTED, "part <" + cid + "> is " + type));
            return;
        }
        BodyResult<PresenceUpdate> pidf = content.flatMap(Pidf::read);
        if (pidf instanceof BodyResult.Rejected<PresenceUpdate> r) {
            skipped.add(new Skipped(resourceUri, r.problem(), "part <" + cid + ">: " + r.detail()));
        } else {
            updates.add(new PresenceUpdate(resourceUri, pidf.toOptional().orElseThrow().presence()));
        }
    }

    /** The part's content after its Content-Transfer-Encoding: identity encodings as is, base64 decoded. */
    private static BodyResult<byte[]> decode(MimeMultipart.Part part) {
        String encoding = part.header("content-transfer-encoding").map(MimeMultipart::mediaType).orElse("binary");
        switch (encoding) {
            case "binary", "8bit", "7bit", "" -> {
                return BodyResult.ok(part.content());
            }
            case "base64" -> {
                try {
                    return BodyResult.ok(Base64.getMimeDecoder().decode(part.content()));
                } catch (IllegalArgumentException e) {
                    return BodyResult.rejected(Problem.MALFORMED, "bad base64 content: " + e.getMessage());
                }
            }
            default -> {
                return BodyResult.rejected(Problem.UNSUPPORTED, "Content-Transfer-Encoding " + encoding);
            }
        }
    }
}
