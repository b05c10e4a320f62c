package io.sipcgateway.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcVersion;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CallIdsTest {

    @Test
    void v4CountsEveryRequestWithCSeqTwoLikeLibofetion() {
        CallIds ids = new CallIds(SipcVersion.V4);
        List<CallIds.Stamp> stamps = Stream.of(SipcMethod.R, SipcMethod.R, SipcMethod.SUB, SipcMethod.S,
                SipcMethod.R).map(ids::next).toList();
        assertEquals(List.of(stamp("1", "2 R"), stamp("2", "2 R"), stamp("3", "2 SUB"), stamp("4", "2 S"),
                stamp("5", "2 R")), stamps);                                          // samples 01, 03, 08, 12, 36
    }

    @Test
    void v2KeepsEveryRegisterInTheFirstDialogLikeTheOfficialClient() {
        CallIds ids = new CallIds(SipcVersion.V2);
        List<CallIds.Stamp> stamps = Stream.of(SipcMethod.R, SipcMethod.R, SipcMethod.S, SipcMethod.SUB,
                SipcMethod.R).map(ids::next).toList();
        assertEquals(List.of(stamp("1", "1 R"), stamp("1", "2 R"), stamp("2", "1 S"), stamp("3", "1 SUB"),
                stamp("1", "3 R")), stamps);                                         // samples 43, 45, 47, 49, 75
    }

    private static CallIds.Stamp stamp(String callId, String cseq) {
        return new CallIds.Stamp(callId, cseq);
    }
}
