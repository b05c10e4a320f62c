package io.sipcgateway.gateway.legacy.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.accounts.Account;
import io.sipcgateway.gateway.accounts.AccountDirectory;
import io.sipcgateway.gateway.accounts.Buddy;
import io.sipcgateway.gateway.accounts.BuddyList;
import io.sipcgateway.gateway.accounts.FetionUri;
import io.sipcgateway.gateway.accounts.PasswordHashes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;

class V4LoginAnswerTest {
    private static final AccountDirectory DEMO = AccountDirectory.demo();
    private static final Account ALICE = DEMO.bySid("916000001").orElseThrow();
    private static final Account BOB = DEMO.bySid("916000002").orElseThrow();
    private static final LoginOrigin ORIGIN = new LoginOrigin("118.132.146.9", "10.0.0.7",
            Instant.parse("2010-05-08T13:45:21Z"));
    private static final LoginCredentials CREDENTIALS = LoginCredentials.random(TestRegistries.seededRandom(1));

    private static Element answer(Account account, AccountDirectory directory) {
        return XmlShape.parse(V4LoginAnswer.body(account, directory, ORIGIN, CREDENTIALS));
    }

    @Test
    void sample06PassesTheLibofetionWalkThisTestUses() {
        LibofetionLoginParser.assertParses(XmlShape.parse(Sample.load("06-register-v4-200-ok").body()));
    }

    @Test
    void libofetionCanParseTheAnswer() {
        Element results = answer(ALICE, DEMO);
        LibofetionLoginParser.assertParses(results);
        XmlShape.assertNoWhitespaceTextNodes(results);
    }

    @Test
    void hasTheElementsOfSample06InTheSameOrder() {
        Element sample = XmlShape.parse(Sample.load("06-register-v4-200-ok").body());
        Element results = answer(ALICE, DEMO);
        assertEquals(XmlShape.childNames(sample), XmlShape.childNames(results));
        assertEquals(XmlShape.childNames(sample.element("user-info")),
                XmlShape.childNames(results.element("user-info")));
        Element sampleList = sample.element("user-info").element("contact-list");
        Element list = results.element("user-info").element("contact-list");
        assertEquals(XmlShape.childNames(sampleList), XmlShape.childNames(list));
        XmlShape.assertChildren(XmlShape.child(results.element("user-info"), "quotas"), "quota-limit",
                "quota-frequency");
    }

    @Test
    void clientCarriesAddressesAndLastLoginInTheSampleFormat() {
        Element client = answer(ALICE, DEMO).element("client");
        assertEquals("118.132.146.9", client.attributeValue("public-ip"));
        assertEquals("10.0.0.7", client.attributeValue("last-login-ip"));
        assertEquals("5/8/2010 1:45:21 PM", client.attributeValue("last-login-time"));
    }

    @Test
    void personalDescribesTheAccountWithAThreePartCarrierRegion() {
        Element personal = answer(ALICE, DEMO).element("user-info").element("personal");
        XmlShape.assertAttributes(personal, "version", "user-id", "sid", "mobile-no", "uri", "nickname", "impresa",
                "carrier-region", "sms-online-status");
        assertEquals("300000001", personal.attributeValue("user-id"));
        assertEquals("916000001", personal.attributeValue("sid"));
        assertEquals("13800000001", personal.attributeValue("mobile-no"));
        assertEquals(FetionUri.of("916000001"), personal.attributeValue("uri"));
        assertEquals("alice", personal.attributeValue("nickname"));
        assertTrue(personal.attributeValue("carrier-region").matches("[A-Z]{2}\\.[a-z]+\\.[0-9]+\\."));
    }

    @Test
    void listsBuddiesWithUserIdUriAndListsLikeSample06() {
        Element contactList = answer(ALICE, DEMO).element("user-info").element("contact-list");
        XmlShape.assertAttributes(contactList, "version");
        Element list = XmlShape.child(contactList, "buddy-lists").element("buddy-list");
        assertEquals("1", list.attributeValue("id"));
        assertEquals("Friends", list.attributeValue("name"));
        List<Element> buddies = XmlShape.child(contactList, "buddies").elements("b");
        assertEquals(1, buddies.size());
        Element bob = buddies.get(0);
        XmlShape.assertAttributes(bob, "i", "u", "n", "l", "f", "r", "o", "p");
        Element sampleBuddy = XmlShape.parse(Sample.load("06-register-v4-200-ok").body()).element("user-info")
                .element("contact-list").element("buddies").element("b");
        assertEquals(sampleBuddy.attributes().stream().map(a -> a.getName()).toList(),
                bob.attributes().stream().map(a -> a.getName()).toList());
        assertEquals(BOB.userId(), bob.attributeValue("i"));
        assertTrue(bob.attributeValue("u").matches("sip:916000002@fetion\\.com\\.cn;p=\\d+"), bob.attributeValue("u"));
        assertEquals("bob", bob.attributeValue("n"));
        assertEquals("1", bob.attributeValue("l"));
    }

    @Test
    void quotasHaveTheSendSmsFrequency() {
        Element frequency = answer(ALICE, DEMO).element("user-info").element("quotas").element("quota-frequency")
                .element("frequency");
        assertEquals("send-sms", frequency.attributeValue("name"));
        XmlShape.assertAttributes(frequency, "day-limit", "day-count", "month-limit", "month-count");
    }

    @Test
    void credentialsAreBase64OfWholeAesBlocks() {
        Element credentials = answer(ALICE, DEMO).element("credentials");
        assertEquals(0, Base64.getDecoder().decode(credentials.attributeValue("kernel")).length % 16);
        Element credential = credentials.element("credential");
        assertEquals("fetion.com.cn", credential.attributeValue("domain"));
        assertEquals(0, Base64.getDecoder().decode(credential.attributeValue("c")).length % 16);
    }

    @Test
    void buddiesAddedByMobileAreListedAsTelUrisWithTheirUserId() {
        Account carol = account("916000003", "300000003", "13800000003", "carol", List.of(
                new Buddy(new Buddy.Mobile("13800000001"), "alice by phone", List.of(1, 2)),
                new Buddy(new Buddy.Sid("916000002"), "", List.of())));
        AccountDirectory directory = AccountDirectory.of(List.of(ALICE, BOB, carol));
        List<Element> buddies = answer(carol, directory).element("user-info").element("contact-list")
                .element("buddies").elements("b");
        assertEquals("tel:13800000001", buddies.get(0).attributeValue("u"));
        assertEquals(ALICE.userId(), buddies.get(0).attributeValue("i"));
        assertEquals("1;2", buddies.get(0).attributeValue("l"));
        assertEquals("", buddies.get(1).attributeValue("l"));
    }

    @Test
    void escapesProfileTextAndKeepsTheShape() {
        Account odd = account("916000003", "300000003", "13800000003", "<&\"'>", List.of());
        AccountDirectory directory = AccountDirectory.of(List.of(ALICE, BOB, odd));
        Element results = answer(odd, directory);
        LibofetionLoginParser.assertParses(results);
        assertEquals("<&\"'>", results.element("user-info").element("personal").attributeValue("nickname"));
    }

    @Test
    void contactListVersionChangesWithTheList() {
        Account renamed = new Account(ALICE.sid(), ALICE.userId(), ALICE.mobile(), ALICE.nickname(), ALICE.impresa(),
                ALICE.credentials(), ALICE.buddyLists(), List.of(new Buddy(new Buddy.Sid("916000002"), "bobby",
                        List.of(1))), ALICE.coreAor(), ALICE.coreCredentials());
        String before = version(answer(ALICE, DEMO));
        String after = version(answer(renamed, AccountDirectory.of(List.of(renamed, BOB))));
        assertTrue(!before.equals(after), before);
        assertEquals(before, version(answer(ALICE, DEMO)));
    }

    @Test
    void leavesOutAnAddressTooLongForLegacyClients() {
        LoginOrigin v6 = LoginOrigin.firstLogin("2001:db8:0:0:0:0:0:1", Instant.EPOCH);
        Element client = XmlShape.parse(V4LoginAnswer.body(ALICE, DEMO, v6, CREDENTIALS)).element("client");
        assertEquals("", client.attributeValue("public-ip"));
        assertEquals("1/1/1970 12:00:00 AM", client.attributeValue("last-login-time"));
    }

    @Test
    void staysFarBelowLibofetionsResponseBuffer() {
        int bytes = V4LoginAnswer.body(ALICE, DEMO, ORIGIN, CREDENTIALS).getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes < 20 * 1024 && bytes < 99_999, bytes + " bytes");
    }

    private static String version(Element results) {
        return results.element("user-info").element("contact-list").attributeValue("version");
    }

    static Account account(String sid, String userId, String mobile, String nickname, List<Buddy> buddies) {
        return new Account(sid, userId, Optional.of(mobile), nickname, "", PasswordHashes.of(sid, "pw").credentials(),
                List.of(new BuddyList(1, "Friends"), new BuddyList(2, "Work")), buddies,
                "sip:" + sid + "@example.test", Optional.empty());
    }
}
