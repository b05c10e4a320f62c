package io.sipcgateway.gateway.signin;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.sipcgateway.gateway.config.HostAndPort;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The navigation endpoint, {@code POST /nav/getsystemconfig.aspx} (TCP 80 in the wild, sections 1.3, 7.1, 7.2
 * step 2): every client gets the same {@code <config>}, whatever versions its body says it has cached, with the
 * gateway's addresses in it. {@code GET} is answered the same; other paths get 404.
 *
 * <p>What the clients read (section 7.3): libofetion needs {@code <sipc-proxy>} and a {@code <get-uri>} of the form
 * {@code http://host/dir/file}, and {@code <parameters version>}, {@code <hints version>}; MapleFetion also
 * {@code ssi-app-sign-in-v2} (the v4 SSI URL), {@code sipc-ssl-proxy}, {@code http-tunnel}, {@code get-pic-code} and
 * {@code http-applications/get-portrait}; the v2 pidgin plugin {@code ssi-app-sign-in}, {@code set-portrait} under
 * {@code /HDS}, and the {@code service-no}/{@code client-config} versions. {@code <sipc-proxy>} and
 * {@code <sipc-ssl-proxy>} are both the advertised SIP-C address (libofetion falls back to the latter with plain
 * SIP-C, section 1.3); the URLs point at this gateway's own HTTP and HTTPS listeners, on the advertised host. The
 * gateway serves only the two SSI URLs among them; the others answer 404 until someone serves them.
 *
 * <p>Every {@code version} is one number derived from the addresses, so that a client that caches the config and
 * compares versions sees a change when the gateway moves (GUESS: what clients do with versions is not settled).
 */
final class NavigationEndpoint implements SigninEndpoint {
    static final String PATH = "/nav/getsystemconfig.aspx";
    private static final Logger LOG = LoggerFactory.getLogger(NavigationEndpoint.class);

    private final HostAndPort sipcAdvertised;
    private final int httpsPort;

    /**
     * @param sipcAdvertised where clients reach the SIP-C listener; its host is also the host of every URL
     * @param httpsPort the port of the SSI listener; the HTTP port is the one each request came in on
     */
    NavigationEndpoint(HostAndPort sipcAdvertised, int httpsPort) {
        this.sipcAdvertised = Objects.requireNonNull(sipcAdvertised, "sipcAdvertised");
        this.httpsPort = httpsPort;
    }

    @Override
    public HttpAnswer answer(SigninRequest request) {
        if (!request.path().equalsIgnoreCase(PATH)) {
            return HttpAnswer.empty(HttpResponseStatus.NOT_FOUND);
        }
        if (!HttpMethod.POST.equals(request.method()) && !HttpMethod.GET.equals(request.method())) {
            return HttpAnswer.empty(HttpResponseStatus.METHOD_NOT_ALLOWED);
        }
        LOG.debug("navigation config to {}", request.remoteIp());
        return HttpAnswer.xml(HttpResponseStatus.OK, config(request.local().getPort()));
    }

    @Override
    public int maxAnswerBytes() {
        return Integer.MAX_VALUE; // read to EOF by the clients (section 7.3)
    }

    /** The {@code <config>} document for a client that reached the HTTP listener on {@code httpPort}. */
    String config(int httpPort) {
        String sipc = sipcAdvertised.toString();
        String http = "http://" + authority(httpPort, 80);
        String https = "https://" + authority(httpsPort, 443);
        String version = version(sipc + ' ' + http + ' ' + https);
        return SigninXml.document(out -> {
            out.writeStartElement("config");
            out.writeStartElement("servers");
            out.writeAttribute("version", version);
            SigninXml.textElement(out, "sipc-proxy", sipc);
            SigninXml.textElement(out, "sipc-ssl-proxy", sipc);
            SigninXml.textElement(out, "http-tunnel", http + "/ht/sd.aspx");
            SigninXml.textElement(out, "ssi-app-sign-in", https + SsiEndpoint.V2_PATH);
            SigninXml.textElement(out, "ssi-app-sign-in-v2", https + SsiEndpoint.V4_PATH);
            SigninXml.textElement(out, "get-pic-code", http + "/nav/GetPicCodeV4.aspx");
            SigninXml.textElement(out, "get-uri", http + "/HDS_S00/geturi.aspx");
            out.writeEndElement();
            SigninXml.versionElement(out, "service-no", version);
            SigninXml.versionElement(out, "parameters", version);
            SigninXml.versionElement(out, "hints", version);
            out.writeStartElement("http-applications");
            out.writeAttribute("version", version);
            SigninXml.textElement(out, "get-portrait", http + "/HDS_S00/getportrait.aspx");
            SigninXml.textElement(out, "set-portrait", http + "/HDS_S00/setportrait.aspx");
            out.writeEndElement();
            SigninXml.versionElement(out, "client-config", version);
            out.writeEndElement();
        });
    }

    /** {@code host:port}, or just {@code host} on the scheme's default port. */
    private String authority(int port, int defaultPort) {
        HostAndPort authority = new HostAndPort(sipcAdvertised.host(), port);
        return port == defaultPort ? authority.toString().substring(0, authority.toString().lastIndexOf(':'))
                : authority.toString();
    }

    private static String version(String addresses) {
        CRC32 crc = new CRC32();
        crc.update(addresses.getBytes(StandardCharsets.UTF_8));
        return Long.toString(crc.getValue());
    }
}
