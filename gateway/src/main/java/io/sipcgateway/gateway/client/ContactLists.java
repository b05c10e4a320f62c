package io.sipcgateway.gateway.client;

import io.sipcgateway.gateway.accounts.FetionUri;
import io.sipcgateway.mapping.BodyResult;
import io.sipcgateway.mapping.xml.SafeXml;
import io.sipcgateway.sipc.SipcBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dom4j.Document;
import org.dom4j.Element;

/** Reads the contact list out of the gateway's answers, with the project's hardened parser ({@link SafeXml}). */
final class ContactLists {
    private ContactLists() {
    }

    /** What a v4 login answer tells the client (section 7.2 step 5, sample 06). */
    record V4Login(Optional<String> ownUri, List<Contact> contacts) {
    }

    /** {@code results/user-info/personal@uri} and {@code results/user-info/contact-list/buddies/b}. */
    static ClientResult<V4Login> fromV4Login(SipcBody body) {
        return root(body, "v4 login answer").map(results -> {
            Element userInfo = results.element("user-info");
            if (userInfo == null) {
                return new V4Login(Optional.empty(), List.of());
            }
            Element personal = userInfo.element("personal");
            Optional<String> ownUri = Optional.ofNullable(personal == null ? null : personal.attributeValue("uri"));
            List<Contact> contacts = new ArrayList<>();
            Element list = userInfo.element("contact-list");
            Element buddies = list == null ? null : list.element("buddies");
            if (buddies != null) {
                for (Element b : buddies.elements("b")) {
                    String uri = b.attributeValue("u", "");
                    contacts.add(new Contact(uri, FetionUri.tryParseSid(uri),
                            Optional.ofNullable(b.attributeValue("i")), b.attributeValue("n", "")));
                }
            }
            return new V4Login(ownUri, contacts);
        });
    }

    /** {@code results/contacts/buddies/buddy} and {@code mobile-buddies/mobile-buddy} (section 4.2, sample 48). */
    static ClientResult<List<Contact>> fromV2ContactList(SipcBody body) {
        return root(body, "GetContactList answer").map(results -> {
            List<Contact> contacts = new ArrayList<>();
            Element list = results.element("contacts");
            if (list == null) {
                return contacts;
            }
            for (String[] names : new String[][] {{"buddies", "buddy"}, {"mobile-buddies", "mobile-buddy"}}) {
                Element group = list.element(names[0]);
                if (group == null) {
                    continue;
                }
                for (Element buddy : group.elements(names[1])) {
                    String uri = buddy.attributeValue("uri", "");
                    contacts.add(new Contact(uri, FetionUri.tryParseSid(uri), Optional.empty(),
                            buddy.attributeValue("local-name", "")));
                }
            }
            return contacts;
        });
    }

    private static ClientResult<Element> root(SipcBody body, String what) {
        BodyResult<Document> parsed = SafeXml.parse(body.bytes());
        if (parsed instanceof BodyResult.Ok<Document> ok && ok.value().getRootElement().getName().equals("results")) {
            return ClientResult.ok(ok.value().getRootElement());
        }
        String why = parsed instanceof BodyResult.Rejected<Document> rejected ? rejected.detail() : "root is not "
                + "<results>";
        return ClientResult.failed(ClientFailure.of(ClientFailure.Kind.INVALID, "unreadable " + what + ": " + why));
    }
}
