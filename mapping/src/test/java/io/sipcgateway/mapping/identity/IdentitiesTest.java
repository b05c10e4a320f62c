package io.sipcgateway.mapping.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentitiesTest {
    private final Identities identities = new Identities(InMemoryDirectory.demo("sipc.local"), "sipc.local");

    @Test
    void bareSidAndLegacyUriBecomeTheDirectorysAor() {
        assertEquals(Optional.of("sip:alice@sipc.local"), identities.toCore("916000001"));
        assertEquals(Optional.of("sip:bob@sipc.local"), identities.toCore("sip:916000002@fetion.com.cn;p=5678"));
        assertEquals(Optional.of("sip:bob@sipc.local"), identities.toCore("sip:916000002"));
    }

    @Test
    void thePartitionComesBackFromTheDirectory() {
        assertEquals(Optional.of("sip:916000002@fetion.com.cn;p=5678"), identities.toLegacy("sip:bob@sipc.local"));
        assertEquals(Optional.of("sip:916000002@fetion.com.cn;p=5678"),
                identities.toLegacy("sip:bob@SIPC.LOCAL;transport=tcp"));
    }

    @Test
    void unknownSidsUseTheCoreDomainAndComeBackWithoutPartition() {
        assertEquals(Optional.of("sip:678345136@sipc.local"), identities.toCore("sip:678345136@fetion.com.cn;p=5017"));
        assertEquals(Optional.of("sip:678345136@fetion.com.cn"), identities.toLegacy("sip:678345136@sipc.local"));
    }

    @Test
    void mobilesAreGlobalTelUris() {
        assertEquals(Optional.of("tel:+8613800000009"), identities.toCore("tel:13800000009"));
        assertEquals(Optional.of("tel:13800000009"), identities.toLegacy("tel:+8613800000009"));
    }

    @Test
    void groupsBecomeResourceListsOnTheCoreDomain() {
        assertEquals(Optional.of("sip:PG5709625@sipc.local"), identities.toCore("sip:PG5709625@fetion.com.cn;p=1414"));
        assertEquals(Optional.of("sip:PG5709625@fetion.com.cn"), identities.toLegacy("sip:PG5709625@sipc.local"));
    }

    @Test
    void foreignUsersOutsideTheDirectoryHaveNoLegacyAddress() {
        assertEquals(Optional.empty(), identities.toLegacy("sip:poisson@probability.org"));
        assertEquals(Optional.empty(), identities.toCore("mailto:x@y"));
    }

    @Test
    void userIdsResolveThroughTheDirectory() {
        assertEquals("916000003", identities.directory().byUserId("300000003").orElseThrow().sid());
        assertEquals(2, identities.directory().buddiesOf("916000001").size());
    }
}
