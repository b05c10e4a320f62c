package io.sipcgateway.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sipcgateway.fixtures.Fixtures;
import io.sipcgateway.sipc.SipcBody;
import io.sipcgateway.sipc.codec.SipcParser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContactListsTest {

    @Test
    void readsOwnUriAndBuddiesOfTheV4LoginAnswerOfSample06() {
        ContactLists.V4Login read = ContactLists.fromV4Login(body("sipc/login-v4/06-s2c-200-ok.sipc")).orElseThrow();

        assertEquals(Optional.of("sip:916000001@fetion.com.cn;p=1234"), read.ownUri());
        assertEquals(3, read.contacts().size());
        Contact first = read.contacts().get(0);
        assertEquals("sip:793401629@fetion.com.cn;p=1919", first.uri());
        assertEquals(Optional.of("793401629"), first.sid());
        assertEquals(Optional.of("222516658"), first.userId());
    }

    @Test
    void readsTheBuddiesOfTheV2ContactListOfSample48() {
        SipcBody answer = body("sipc/contacts-v2/02-s2c-getcontactlist-200-ok.sipc");
        List<Contact> contacts = ContactLists.fromV2ContactList(answer).orElseThrow();

        assertEquals(List.of("585195198", "756444636", "758936988"),
                contacts.stream().map(c -> c.sid().orElseThrow()).toList());
        assertEquals(Optional.empty(), contacts.get(0).userId());
    }

    @Test
    void anUnreadableAnswerIsAFailureValue() {
        ClientFailure failure = ContactLists.fromV2ContactList(SipcBody.ofUtf8("<results><contacts>")).failure();
        assertEquals(ClientFailure.Kind.INVALID, failure.kind());
    }

    private static SipcBody body(String capture) {
        return SipcParser.parse(Fixtures.bytes(capture)).body();
    }
}
