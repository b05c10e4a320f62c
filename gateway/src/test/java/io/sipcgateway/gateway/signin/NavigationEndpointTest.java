package io.sipcgateway.gateway.signin;

import static io.sipcgateway.gateway.signin.SigninFixture.ALICE_MOBILE;
import static io.sipcgateway.gateway.signin.SigninFixture.ALICE_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sipcgateway.gateway.config.HostAndPort;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The navigation config (sections 7.1, 7.3) as libofetion, MapleFetion and the v2 plugin read it. */
class NavigationEndpointTest {
    /** libofetion's config request (section 7.2 step 2): HTTP/1.1 POST with the cached versions. */
    private static final String CONFIG_BODY = "<config><user mobile-no=\"" + ALICE_MOBILE + "\"/><client type=\"PC\" "
            + "version=\"4.3.0980\" platform=\"W5.1\"/><servers version=\"0\"/><parameters version=\"0\"/>"
            + "<hints version=\"0\"/></config>";

    private SigninFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = SigninFixture.start();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private SigninClients.Answer post(String path) throws Exception {
        byte[] body = CONFIG_BODY.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\n"
                + "User-Agent: IIC2.0/PC 4.3.0980\r\n"
                + "Host: nav.fetion.com.cn\r\n"
                + "Connection: Close\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] request = new byte[head.length() + body.length];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, request, 0, head.length());
        System.arraycopy(body, 0, request, head.length(), body.length);
        return SigninClients.Answer.parse(SigninClients.plainExchange(fixture.http(), request)); // to EOF
    }

    @Test
    void postAnswersConfigWithTheAdvertisedSipcProxyThenCloses() throws Exception {
        SigninClients.Answer answer = post(NavigationEndpoint.PATH);

        assertEquals(200, answer.status());
        assertEquals("close", answer.header("Connection").orElseThrow());
        Element config = answer.xml();
        assertEquals(fixture.sipc.toString(), text(config, "sipc-proxy"));
        HostAndPort proxy = HostAndPort.parse(text(config, "sipc-proxy"));
        try (Socket sipc = new Socket(proxy.host(), proxy.port())) {
            assertTrue(sipc.isConnected(), "the advertised SIP-C address is the listener's");
        }
    }

    @Test
    void configUrlsPointAtTheGatewayListeners() throws Exception {
        Element config = post(NavigationEndpoint.PATH).xml();

        String http = "http://" + fixture.http();
        String https = "https://" + fixture.https();
        assertEquals(fixture.sipc.toString(), text(config, "sipc-ssl-proxy"));
        assertEquals(https + "/ssiportal/SSIAppSignInV4.aspx", text(config, "ssi-app-sign-in-v2"));
        assertEquals(https + "/ssiportal/SSIAppSignIn.aspx", text(config, "ssi-app-sign-in"));
        assertEquals(http + "/ht/sd.aspx", text(config, "http-tunnel"));
        assertEquals(http + "/nav/GetPicCodeV4.aspx", text(config, "get-pic-code"));
        assertEquals(http + "/HDS_S00/geturi.aspx", text(config, "get-uri")); // libofetion: http://host/dir/file
        assertEquals(http + "/HDS_S00/getportrait.aspx", text(config, "get-portrait"));
        assertTrue(text(config, "set-portrait").startsWith(http + "/HDS"), "the v2 plugin wants a /HDS path");
    }

    @Test
    void configCarriesTheVersionsClientsReadWithoutWhitespaceNodes() throws Exception {
        SigninClients.Answer answer = post(NavigationEndpoint.PATH);

        Element config = answer.xml();
        assertEquals("servers", ((Element) config.getFirstChild()).getTagName(), "no whitespace text node first");
        for (String section : new String[] {"servers", "service-no", "parameters", "hints", "http-applications",
                "client-config"}) {
            Element element = (Element) config.getElementsByTagName(section).item(0);
            assertTrue(element.getAttribute("version").matches("[0-9]+"), section);
        }
        assertFalse(answer.bodyText().matches("(?s).*>\\s+<.*"), "compact XML");
    }

    @Test
    void getIsAnsweredTooAndItsSsiUrlSignsIn() throws Exception {
        HttpResponse<byte[]> config = SigninClients.httpClient().send(
                HttpRequest.newBuilder(URI.create("http://" + fixture.http() + "/nav/GetSystemConfig.aspx"))
                        .timeout(SigninClients.TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, config.statusCode());

        // MapleFetion's order: config first, then the SSI URL it names (section 7.2 step 2)
        String ssi = text(SigninClients.parseXml(config.body()), "ssi-app-sign-in-v2");
        HttpResponse<byte[]> signIn = SigninClients.httpClient().send(
                HttpRequest.newBuilder(URI.create(ssi + "?mobileno=" + ALICE_MOBILE
                        + "&domains=fetion.com.cn&v4digest-type=1&v4digest="
                        + SigninClients.digestType1(ALICE_PASSWORD))).timeout(SigninClients.TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, signIn.statusCode());
    }

    @Test
    void otherPathsGet404AndClose() throws Exception {
        assertEquals(404, post("/nav/GetPicCodeV4.aspx").status());
        assertEquals(404, post(SsiEndpoint.V4_PATH).status()); // SSI only on the TLS port
    }

    @Test
    void otherMethodsGet405() throws Exception {
        byte[] request = ("DELETE " + NavigationEndpoint.PATH + " HTTP/1.1\r\nHost: nav.fetion.com.cn\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        assertEquals(405, SigninClients.Answer.parse(SigninClients.plainExchange(fixture.http(), request)).status());
    }

    private static String text(Element root, String name) {
        return root.getElementsByTagName(name).item(0).getTextContent();
    }
}
