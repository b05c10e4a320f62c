package io.sipcgateway.mapping;

import io.sipcgateway.mapping.xml.SafeXml;
import io.sipcgateway.sipc.SipcBody;
import java.util.ArrayList;
import java.util.List;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;

/**
 * The {@code <args>} of {@code SUB} (reference section 5.1), read through {@link SafeXml}: contact URIs for
 * {@code N: presence}/{@code compactlist}, group URIs for {@code N: PGPresence}. Attribute selectors
 * ({@code <basic attributes="all"/>}, {@code <extended types=..>}) have no SIP meaning and are not read.
 */
final class SubscriptionArgs {
    private SubscriptionArgs() {
    }

    /** Every {@code <contact uri>} of every {@code <subscription>}, in order, each once. */
    static BodyResult<List<String>> contacts(SipcBody args) {
        return uris(args, "contacts", "contact");
    }

    /** Every {@code <group uri>} of {@code <subscription><groups>}. */
    static BodyResult<List<String>> groups(SipcBody args) {
        return uris(args, "groups", "group");
    }

    private static BodyResult<List<String>> uris(SipcBody args, String list, String item) {
        if (args.isEmpty()) {
            return BodyResult.ok(List.of());
        }
        return SafeXml.parse(args.bytes()).flatMap(document -> {
            Element root = document.getRootElement();
            if (!root.getName().equals("args")) {
                return BodyResult.rejected(Problem.MALFORMED, "SUB body root is <" + root.getName() + ">, not <args>");
            }
            List<String> uris = new ArrayList<>();
            for (Element subscription : root.elements("subscription")) {
                for (Element container : subscription.elements(list)) {
                    for (Element entry : container.elements(item)) {
                        String uri = entry.attributeValue("uri");
                        if (uri != null && !uri.isBlank() && !uris.contains(uri.strip())) {
                            uris.add(uri.strip());
                        }
                    }
                }
            }
            return BodyResult.ok(List.copyOf(uris));
        });
    }

    /** v2: {@code <args><subscription><contacts><contact uri=".."/>..</contacts></subscription></args>}. */
    static SipcBody contactsBody(List<String> uris) {
        Element args = DocumentHelper.createElement("args");
        Element contacts = args.addElement("subscription").addElement("contacts");
        uris.forEach(uri -> contacts.addElement("contact").addAttribute("uri", uri));
        return SipcBody.ofUtf8(SafeXml.compact(args));
    }

    /** v4: the whole contact list, as libofetion asks for it (sample 08, without its mail-count extra). */
    static SipcBody wholeListBody() {
        Element args = DocumentHelper.createElement("args");
        args.addElement("subscription").addAttribute("self", "v4default").addAttribute("buddy", "v4default")
                .addAttribute("version", "0");
        return SipcBody.ofUtf8(SafeXml.compact(args));
    }
}
