package io.sipcgateway.gateway.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void parsesIpLiteralsAndTurnsAnythingElseIntoUnknown() throws Exception {
        assertEquals(new Endpoint(InetAddress.getByName("192.0.2.10"), 40001), Endpoint.parse("192.0.2.10:40001"));
        assertEquals(new Endpoint(InetAddress.getByName("255.0.0.1"), 0), Endpoint.parse("255.0.0.1:0"));
        assertEquals(new Endpoint(InetAddress.getByName("::1"), 5060), Endpoint.parse("[::1]:5060"));
        for (String bad : new String[] {"256.1.1.1:5", "1.2.3:5", "1.2.3.4.5:5", "1..2.3:5", "host:5060",
                "1.2.3.4:70000", "1.2.3.4:x", "1.2.3.4", ":5", "1.2.3.-4:5", "1.2.3.4 :5"}) {
            assertEquals(Endpoint.UNKNOWN, Endpoint.parse(bad), bad);
        }
    }
}
