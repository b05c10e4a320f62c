package io.sipcgateway.gateway.legacy.auth;

import io.sipcgateway.gateway.accounts.Account;
import io.sipcgateway.gateway.accounts.AccountDirectory;
import io.sipcgateway.mapping.BodyResult;
import io.sipcgateway.mapping.xml.SafeXml;
import io.sipcgateway.gateway.accounts.FetionUri;
import io.sipcgateway.sipc.SipcBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dom4j.Document;
import org.dom4j.Element;

/**
 * The v2 {@code S N: GetContactsInfo} exchange (section 4.2). The real server answered with a partial result and
 * sent the rest as {@code BN N: contact} {@code ServiceResult} events (QFetion capture {@code 139-login}); the
 * gateway has every answer at hand, so the {@code 200 OK} carries all of them, in the events' {@code <results>}
 * shape: {@code <contact uri status-code="200"><personal version nickname gender impresa ivr-enabled portrait-crc
 * provisioning mobile-no name/></contact>}, or {@code status-code="404"} for a URI no account has. A mobile number
 * is shown only to mutual buddies (the capture's {@code identity=1} permission).
 */
public final class V2ContactsInfoAnswer {
    /** More contacts than anyone's list holds; a longer request is refused rather than answered. */
    public static final int MAX_CONTACTS = 1000;

    private V2ContactsInfoAnswer() {
    }

    /** The URIs of {@code <args><contacts><contact uri=".."/>...</contacts></args>}, in request order. */
    public static ParseResult<List<String>> requestedUris(SipcBody args) {
        BodyResult<Document> parsed = SafeXml.parse(args.bytes());
        if (parsed instanceof BodyResult.Rejected<Document> bad) {
            return ParseResult.malformed(bad.problem() + ": " + bad.detail());
        }
        Element root = ((BodyResult.Ok<Document>) parsed).value().getRootElement();
        Element contacts = root.element("contacts");
        if (!root.getName().equals("args") || contacts == null) {
            return ParseResult.malformed("expected <args><contacts>...</contacts></args>");
        }
        List<Element> items = contacts.elements("contact");
        if (items.size() > MAX_CONTACTS) {
            return ParseResult.malformed("more than " + MAX_CONTACTS + " contacts requested");
        }
        List<String> uris = new ArrayList<>(items.size());
        for (Element item : items) {
            String uri = item.attributeValue("uri");
            if (uri == null || uri.isBlank()) {
                return ParseResult.malformed("a <contact> without uri");
            }
            uris.add(uri.strip());
        }
        return ParseResult.ok(List.copyOf(uris));
    }

    public static String body(Account requester, List<String> uris, AccountDirectory directory) {
        XmlWriter x = new XmlWriter().start("results").start("contacts");
        for (String uri : uris) {
            Optional<Account> target = resolve(uri, directory);
            x.start("contact").attr("uri", uri);
            if (target.isEmpty()) {
                x.attr("status-code", 404).end();
                continue;
            }
            Account account = target.get();
            x.attr("status-code", 200)
                    .start("personal")
                    .attr("version", ContactVersions.personal(account))
                    .attr("nickname", account.nickname())
                    .attr("gender", 0)
                    .attr("impresa", account.impresa())
                    .attr("ivr-enabled", 0)
                    .attr("portrait-crc", 0)
                    .attr("provisioning", 1)
                    .attr("mobile-no", mutualBuddies(requester, account, directory)
                            ? account.mobile().orElse("") : "")
                    .attr("name", "")
                    .end()
                    .end();
        }
        return x.end().end().toXml();
    }

    private static Optional<Account> resolve(String uri, AccountDirectory directory) {
        Optional<String> sid = FetionUri.tryParseSid(uri);
        if (sid.isPresent()) {
            return directory.bySid(sid.get());
        }
        return FetionUri.tryParseMobile(uri).flatMap(directory::byMobile);
    }

    private static boolean mutualBuddies(Account a, Account b, AccountDirectory directory) {
        return lists(a, b, directory) && lists(b, a, directory);
    }

    private static boolean lists(Account owner, Account other, AccountDirectory directory) {
        return owner.buddies().stream().anyMatch(buddy -> directory.resolve(buddy.address())
                .map(Account::sid).filter(other.sid()::equals).isPresent());
    }
}
