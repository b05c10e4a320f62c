package io.sipcgateway.gateway.core.embedded;

import java.text.ParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jain-sip plumbing every part of the core shares: the factories, the provider, server transactions, replies,
 * tags and branches, Via/Contact for our own listening points. No protocol decisions are made here.
 */
final class SipMessages {
    static final String SERVER = "sipc-gateway-embedded-core";
    /** RFC 3261 8.1.1.7: branches start with the magic cookie. */
    private static final String MAGIC_COOKIE = "z9hG4bK";
    private static final Logger LOG = LoggerFactory.getLogger(SipMessages.class);

    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;

    SipMessages(SipProvider provider, MessageFactory messages, HeaderFactory headers, AddressFactory addresses) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.headers = Objects.requireNonNull(headers, "headers");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
    }

    SipProvider provider() {
        return provider;
    }

    MessageFactory messages() {
        return messages;
    }

    HeaderFactory headers() {
        return headers;
    }

    AddressFactory addresses() {
        return addresses;
    }

    /**
     * The server transaction for a new request, or null when there is nothing left to do for this event: the
     * stack already has one (a retransmission racing the first copy), or the request lacks a header every request
     * needs (jain-sip's {@code checkHeaders}, e.g. Max-Forwards), which gets a stateless 400 here.
     */
    ServerTransaction serverTransaction(RequestEvent event) {
        ServerTransaction st = event.getServerTransaction();
        if (st != null) {
            return st;
        }
        try {
            return provider.getNewServerTransaction(event.getRequest());
        } catch (TransactionAlreadyExistsException e) {
            LOG.debug("retransmission absorbed: {}", e.getMessage());
            return null;
        } catch (SipException e) {
            badRequest(event.getRequest(), e.getMessage());
            return null;
        }
    }

    /** RFC 3261 8.2: a request we cannot process as sent gets 400, with the reason, statelessly. */
    private void badRequest(Request request, String reason) {
        LOG.debug("400 to {}: {}", request.getMethod(), reason);
        if (Request.ACK.equals(request.getMethod())) {
            return; // never answered (RFC 3261 17.1.1.3)
        }
        try {
            provider.sendResponse(response(request, Response.BAD_REQUEST,
                    reason == null ? null : reason.replaceAll("[\\r\\n]", " ")));
        } catch (SipException | RuntimeException e) {
            LOG.debug("could not answer 400: {}", e.toString());
        }
    }

    /** A response to {@code request}, with a To tag for anything but 100 (RFC 3261 8.2.6.2) and our Server. */
    Response response(Request request, int status, String reason) {
        try {
            Response response = messages.createResponse(status, request);
            if (reason != null) {
                response.setReasonPhrase(reason);
            }
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (status > 100 && to != null && to.getTag() == null) {
                to.setTag(newTag());
            }
            response.setHeader(headers.createServerHeader(List.of(SERVER)));
            return response;
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build a " + status + " response", e);
        }
    }

    void send(ServerTransaction st, Response response) {
        try {
            st.sendResponse(response);
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            LOG.warn("could not send {} for {}: {}", response.getStatusCode(), st.getRequest().getMethod(),
                    e.toString());
        }
    }

    void reply(ServerTransaction st, int status, String reason, Header... extra) {
        Response response = response(st.getRequest(), status, reason);
        for (Header header : extra) {
            response.addHeader(header);
        }
        send(st, response);
    }

    /** The Expires header value, or -1 without one. */
    static int expiresHeader(Request request) {
        ExpiresHeader expires = request.getExpires();
        return expires == null ? -1 : expires.getExpires();
    }

    /** A random token for tags, branches and entity-tags (RFC 3261 19.3: at least 32 bits of randomness). */
    static String newToken() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String newTag() {
        return newToken();
    }

    static String newBranch(String suffix) {
        return MAGIC_COOKIE + "-emb-" + suffix;
    }

    /** Our listening point for {@code transport}, or null when the core does not run it. */
    ListeningPoint listeningPoint(String transport) {
        return provider.getListeningPoint(transport.toLowerCase(Locale.ROOT));
    }

    ViaHeader via(String transport, String branch) {
        ListeningPoint lp = listeningPoint(transport);
        try {
            return headers.createViaHeader(lp.getIPAddress(), lp.getPort(), transport, branch);
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot build our own Via", e);
        }
    }

    /** {@code <sip:host:port>} (+ {@code ;transport=tcp} for TCP), where in-dialog requests reach us. */
    ContactHeader coreContact(String transport) {
        ListeningPoint lp = listeningPoint(transport);
        try {
            SipURI uri = addresses.createSipURI(null, lp.getIPAddress());
            uri.setPort(lp.getPort());
            if (!ListeningPoint.UDP.equalsIgnoreCase(transport)) {
                uri.setTransportParam(transport.toLowerCase(Locale.ROOT));
            }
            return headers.createContactHeader(addresses.createAddress(uri));
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build our own Contact", e);
        }
    }

    /**
     * The transport to reach {@code target} (via {@code routeSet} when not empty): the {@code transport} parameter
     * of the next hop's URI, UDP without one (RFC 3263 4.1 for a numeric host and no NAPTR), TLS for sips.
     */
    static String transportFor(URI target, List<String> routeSet, AddressFactory addresses) throws ParseException {
        URI next = routeSet.isEmpty() ? target : addresses.createAddress(routeSet.get(0)).getURI();
        if (next instanceof SipURI sip) {
            if (sip.getTransportParam() != null) {
                return sip.getTransportParam().toLowerCase(Locale.ROOT);
            }
            return sip.isSecure() ? "tls" : "udp";
        }
        throw new ParseException("not a SIP URI: " + next, 0);
    }

    URI uri(String text) throws ParseException {
        return addresses.createURI(text);
    }

    Address address(String text) throws ParseException {
        return addresses.createAddress(text);
    }
}
