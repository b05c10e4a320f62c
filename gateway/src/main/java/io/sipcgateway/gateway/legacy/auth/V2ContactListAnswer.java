package io.sipcgateway.gateway.legacy.auth;

import io.sipcgateway.gateway.accounts.Account;
import io.sipcgateway.gateway.accounts.AccountDirectory;
import io.sipcgateway.gateway.accounts.BuddyList;
import java.util.List;

/**
 * The body of the {@code 200 OK} to v2 {@code S N: GetContactList} (section 4.2, sample 48):
 * {@code <results><contacts version><buddy-lists><buddy-list id name/></buddy-lists><buddies><buddy uri local-name
 * buddy-lists relation-status online-notify/></buddies><mobile-buddies/><chat-friends/></contacts></results>}.
 * Buddies added by mobile number go to {@code mobile-buddies} as {@code <mobile-buddy uri="tel:..">} with the same
 * attributes (the v2 AddMobileBuddy form, section 4.2; their list shape in an answer is a GUESS).
 */
public final class V2ContactListAnswer {
    private V2ContactListAnswer() {
    }

    public static String body(Account account, AccountDirectory directory) {
        List<ResolvedBuddy> buddies = ResolvedBuddy.of(account, directory);
        XmlWriter x = new XmlWriter().start("results")
                .start("contacts").attr("version", ContactVersions.contactList(account, directory));
        x.start("buddy-lists");
        for (BuddyList list : account.buddyLists()) {
            x.start("buddy-list").attr("id", list.id()).attr("name", list.name()).end();
        }
        x.end();
        x.start("buddies");
        buddies.stream().filter(b -> !b.byMobile()).forEach(b -> buddy(x, "buddy", b));
        x.end();
        x.start("mobile-buddies");
        buddies.stream().filter(ResolvedBuddy::byMobile).forEach(b -> buddy(x, "mobile-buddy", b));
        x.end();
        x.empty("chat-friends");
        return x.end().end().toXml();
    }

    private static void buddy(XmlWriter x, String element, ResolvedBuddy b) {
        x.start(element)
                .attr("uri", b.buddy().address().legacyUri())
                .attr("local-name", b.buddy().localName())
                .attr("buddy-lists", b.listIds())
                .attr("relation-status", 1)
                .attr("online-notify", 1)
                .end();
    }
}
