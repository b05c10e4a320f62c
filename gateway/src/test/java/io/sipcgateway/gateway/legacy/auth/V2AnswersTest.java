package io.sipcgateway.gateway.legacy.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.accounts.Account;
import io.sipcgateway.gateway.accounts.AccountDirectory;
import io.sipcgateway.gateway.accounts.Buddy;
import io.sipcgateway.gateway.accounts.FetionUri;
import io.sipcgateway.sipc.SipcBody;
import java.time.Instant;
import java.util.List;
import org.dom4j.Attribute;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;

class V2AnswersTest {
    private static final AccountDirectory DEMO = AccountDirectory.demo();
    private static final Account ALICE = DEMO.bySid("916000001").orElseThrow();
    private static final Account BOB = DEMO.bySid("916000002").orElseThrow();

    @Test
    void loginAnswerHasTheShapeOfSample46() {
        Element sample = XmlShape.parse(Sample.load("46-v2-register-200-ok").body());
        Element results = XmlShape.parse(V2LoginAnswer.body(ALICE, DEMO,
                LoginOrigin.firstLogin("221.237.7.56", Instant.EPOCH)));
        XmlShape.assertNoWhitespaceTextNodes(results);
        assertEquals(XmlShape.childNames(sample), XmlShape.childNames(results));
        assertEquals(XmlShape.childNames(sample.element("client")), XmlShape.childNames(results.element("client")));
        assertEquals(attributeNames(sample.element("user-info")), attributeNames(results.element("user-info")));
        assertEquals("221.237.7.56", results.element("client").attributeValue("public-ip"));
        assertEquals("200", results.element("presence").attributeValue("result"));
    }

    @Test
    void loginAnswerVersionsMatchTheFollowUpAnswers() {
        Element userInfo = XmlShape.parse(V2LoginAnswer.body(ALICE, DEMO,
                LoginOrigin.firstLogin("1.2.3.4", Instant.EPOCH))).element("user-info");
        Element personal = XmlShape.parse(V2PersonalInfoAnswer.body(ALICE)).element("personal");
        Element contacts = XmlShape.parse(V2ContactListAnswer.body(ALICE, DEMO)).element("contacts");
        assertEquals(personal.attributeValue("version"), userInfo.attributeValue("personal-info-version"));
        assertEquals(contacts.attributeValue("version"), userInfo.attributeValue("contact-version"));
    }

    @Test
    void personalInfoHasTheShapeOfTheCapture() {
        Element results = XmlShape.parse(V2PersonalInfoAnswer.body(ALICE));
        XmlShape.assertNoWhitespaceTextNodes(results);
        XmlShape.assertChildren(results, "personal", "services", "config", "mobile-device");
        Element personal = results.element("personal");
        XmlShape.assertAttributes(personal, "version", "mobile-no", "nickname", "impresa", "name", "gender",
                "portrait-crc", "ivr-enabled");
        assertEquals("13800000001", personal.attributeValue("mobile-no"));
        assertEquals("alice", personal.attributeValue("nickname"));
        XmlShape.assertAttributes(results.element("config"), "version", "save-message");
    }

    @Test
    void contactListHasTheShapeOfSample48() {
        Element sample = XmlShape.parse(Sample.load("48-v2-service-getcontactlist-200").body());
        Element results = XmlShape.parse(V2ContactListAnswer.body(ALICE, DEMO));
        XmlShape.assertNoWhitespaceTextNodes(results);
        Element sampleContacts = sample.element("contacts");
        Element contacts = results.element("contacts");
        assertEquals(XmlShape.childNames(sampleContacts), XmlShape.childNames(contacts));
        assertEquals(attributeNames(sampleContacts), attributeNames(contacts));
        assertEquals(attributeNames(sampleContacts.element("buddy-lists").element("buddy-list")),
                attributeNames(contacts.element("buddy-lists").element("buddy-list")));
        Element sampleBuddy = sampleContacts.element("buddies").element("buddy");
        Element bob = contacts.element("buddies").element("buddy");
        assertEquals(attributeNames(sampleBuddy), attributeNames(bob));
        assertEquals(FetionUri.of("916000002"), bob.attributeValue("uri"));
        assertEquals("bob", bob.attributeValue("local-name"));
        assertEquals("1", bob.attributeValue("buddy-lists"));
    }

    @Test
    void contactListPutsMobileBuddiesUnderMobileBuddies() {
        Account carol = V4LoginAnswerTest.account("916000003", "300000003", "13800000003", "carol",
                List.of(new Buddy(new Buddy.Mobile("13800000002"), "bob", List.of(2))));
        Element contacts = XmlShape.parse(V2ContactListAnswer.body(carol,
                AccountDirectory.of(List.of(ALICE, BOB, carol)))).element("contacts");
        assertEquals(0, contacts.element("buddies").elements().size());
        Element mobile = contacts.element("mobile-buddies").element("mobile-buddy");
        assertEquals("tel:13800000002", mobile.attributeValue("uri"));
        assertEquals("2", mobile.attributeValue("buddy-lists"));
    }

    @Test
    void contactsInfoReadsTheUrisOfTheCapturedRequest() {
        String args = "<args><contacts attributes=\"provisioning;impresa;mobile-no;nickname;name;gender;portrait-crc;"
                + "ivr-enabled\" extended-attributes=\"score-level\">\n\t<contact uri=\"sip:585195198@fetion.com.cn;"
                + "p=5005\" />\n\t<contact uri=\"tel:13800000002\" />\n</contacts></args>";
        ParseResult<List<String>> uris = V2ContactsInfoAnswer.requestedUris(SipcBody.ofUtf8(args));
        assertEquals(List.of("sip:585195198@fetion.com.cn;p=5005", "tel:13800000002"),
                assertInstanceOf(ParseResult.Ok.class, uris).value());
    }

    @Test
    void contactsInfoAnswersEveryUriWithPersonalDataOr404() {
        List<String> uris = List.of(FetionUri.of("916000002"), "tel:13800000002", "sip:585195198@fetion.com.cn");
        Element contacts = XmlShape.parse(V2ContactsInfoAnswer.body(ALICE, uris, DEMO)).element("contacts");
        XmlShape.assertNoWhitespaceTextNodes(contacts);
        List<Element> answers = contacts.elements("contact");
        assertEquals(3, answers.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(uris.get(i), answers.get(i).attributeValue("uri"));
            assertEquals("200", answers.get(i).attributeValue("status-code"));
            Element personal = answers.get(i).element("personal");
            XmlShape.assertAttributes(personal, "version", "nickname", "gender", "impresa", "ivr-enabled",
                    "portrait-crc", "provisioning", "mobile-no", "name");
            assertEquals("bob", personal.attributeValue("nickname"));
            assertEquals("13800000002", personal.attributeValue("mobile-no"), "alice and bob list each other");
        }
        assertEquals("404", answers.get(2).attributeValue("status-code"));
    }

    @Test
    void contactsInfoShowsMobileNumbersOnlyToMutualBuddies() {
        Account carol = V4LoginAnswerTest.account("916000003", "300000003", "13800000003", "carol", List.of());
        AccountDirectory directory = AccountDirectory.of(List.of(ALICE, BOB, carol));
        Element personal = XmlShape.parse(V2ContactsInfoAnswer.body(carol, List.of(FetionUri.of("916000002")),
                directory)).element("contacts").element("contact").element("personal");
        assertEquals("bob", personal.attributeValue("nickname"));
        assertEquals("", personal.attributeValue("mobile-no"));
    }

    @Test
    void contactsInfoRefusesADoctypeSoNoEntityIsEverExpanded() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE args [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<args><contacts><contact uri=\"&x;\"/></contacts></args>";
        ParseResult<List<String>> result = V2ContactsInfoAnswer.requestedUris(SipcBody.ofUtf8(xxe));
        assertTrue(assertInstanceOf(ParseResult.Malformed.class, result).reason().contains("DOCTYPE"),
                result.toString());
    }

    @Test
    void contactsInfoRefusesOtherShapes() {
        for (String args : new String[] {"", "<args/>", "<results><contacts/></results>",
            "<args><contacts><contact/></contacts></args>", "<args><contacts>"}) {
            assertInstanceOf(ParseResult.Malformed.class, V2ContactsInfoAnswer.requestedUris(SipcBody.ofUtf8(args)),
                    args);
        }
        String many = "<args><contacts>" + "<contact uri=\"tel:13800000002\"/>".repeat(1001) + "</contacts></args>";
        assertInstanceOf(ParseResult.Malformed.class, V2ContactsInfoAnswer.requestedUris(SipcBody.ofUtf8(many)));
    }

    @Test
    void keepAliveAnswerHasTheShapeOfSample37() {
        Element sample = XmlShape.parse(Sample.load("37-register-v4-keepalive-200").body());
        Element results = XmlShape.parse(V4KeepAliveAnswer.body(LoginCredentials.random(
                TestRegistries.seededRandom(2))));
        XmlShape.assertNoWhitespaceTextNodes(results);
        assertEquals(XmlShape.childNames(sample), XmlShape.childNames(results));
        assertEquals(attributeNames(sample.element("credentials")), attributeNames(results.element("credentials")));
        assertEquals(attributeNames(sample.element("credentials").element("credential")),
                attributeNames(results.element("credentials").element("credential")));
    }

    private static List<String> attributeNames(Element element) {
        return element.attributes().stream().map(Attribute::getName).toList();
    }
}
