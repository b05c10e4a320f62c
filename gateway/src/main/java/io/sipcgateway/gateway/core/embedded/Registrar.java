package io.sipcgateway.gateway.core.embedded;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.ListIterator;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;

import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderAddress;
import javax.sip.header.SupportedHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * REGISTER (RFC 3261 10.3) with Path (RFC 3327). Expiry is clamped into the configured range rather than answered
 * with 423, as Kamailio's registrar does by default. No authentication (as Kamailio without {@code WITH_AUTH}).
 */
final class Registrar {
    private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);
    private static final String PATH = "Path";

    private final SipMessages sip;
    private final BindingRegistry bindings;
    private final LocalDomain domain;
    private final EmbeddedCoreConfig config;

    Registrar(SipMessages sip, BindingRegistry bindings, LocalDomain domain, EmbeddedCoreConfig config) {
        this.sip = Objects.requireNonNull(sip, "sip");
        this.bindings = Objects.requireNonNull(bindings, "bindings");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.config = Objects.requireNonNull(config, "config");
    }

    void handle(ServerTransaction st, Request request) {
        // 10.3 step 1: the Request-URI names the domain whose bindings change; we hold only our own.
        if (!domain.isLocal(request.getRequestURI())) {
            sip.reply(st, Response.FORBIDDEN, "Not our domain");
            return;
        }
        // 10.3 step 5: the To header field carries the AOR.
        Optional<Aor> aor = domain.aorOf(((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI());
        if (aor.isEmpty()) {
            sip.reply(st, Response.NOT_FOUND, "Not a user of this domain");
            return;
        }
        List<ContactHeader> contacts = contacts(request);
        boolean wildcard = contacts.stream().anyMatch(ContactHeader::isWildCard);
        // 10.3 step 6: "*" only alone and only with Expires: 0.
        if (wildcard && (contacts.size() != 1 || SipMessages.expiresHeader(request) != 0)) {
            sip.reply(st, Response.BAD_REQUEST, "Wildcard Contact needs Expires: 0 and no other Contact");
            return;
        }
        List<String> path = path(request);
        RegisterOutcome outcome = contacts.isEmpty()
                ? new RegisterOutcome.Accepted(bindings.lookup(aor.get()))
                : bindings.update(aor.get(), current -> plan(current, request, contacts, wildcard, path));
        if (outcome instanceof RegisterOutcome.Rejected rejected) {
            sip.reply(st, rejected.status(), rejected.reason());
            return;
        }
        List<Binding> now = ((RegisterOutcome.Accepted) outcome).bindings();
        LOG.debug("REGISTER {}: {} binding(s)", aor.get(), now.size());
        sip.send(st, ok(request, now, path));
    }

    /** 10.3 steps 6-7 against the current bindings; the result replaces them as a whole or not at all. */
    private RegisterOutcome plan(List<Binding> current, Request request, List<ContactHeader> contacts,
            boolean wildcard, List<String> path) {
        // jain-sip drops requests without Call-ID or CSeq before they get here.
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        long cseq = ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
        if (wildcard) {
            // Removal of all bindings is aborted if any was written by a later REGISTER of the same Call-ID.
            return current.stream().anyMatch(b -> b.callId().equals(callId) && b.cseq() >= cseq)
                    ? new RegisterOutcome.Rejected(Response.SERVER_INTERNAL_ERROR, "Out of order REGISTER")
                    : new RegisterOutcome.Accepted(List.of());
        }
        List<Binding> next = new ArrayList<>(current);
        long now = bindings.now();
        for (ContactHeader contact : contacts) {
            URI uri = contact.getAddress().getURI();
            if (!uri.isSipURI()) {
                return new RegisterOutcome.Rejected(Response.BAD_REQUEST, "Contact must be a SIP URI");
            }
            Optional<Binding> existing = next.stream().filter(b -> sameUri(b.contactUri(), uri)).findFirst();
            if (existing.isPresent() && existing.get().callId().equals(callId) && existing.get().cseq() >= cseq) {
                return new RegisterOutcome.Rejected(Response.SERVER_INTERNAL_ERROR, "Out of order REGISTER");
            }
            existing.ifPresent(next::remove);
            long requested = requestedExpires(contact, request);
            if (requested == 0) {
                continue;
            }
            long granted = Math.max(config.minExpires(), Math.min(config.maxExpires(), requested));
            String q = contact.getParameter("q") == null ? "" : contact.getParameter("q");
            next.add(new Binding(uri.toString(), q, path, callId, cseq, now + TimeUnit.SECONDS.toNanos(granted)));
        }
        if (next.size() > config.maxContactsPerAor()) {
            return new RegisterOutcome.Rejected(Response.SERVICE_UNAVAILABLE, "Too many registered contacts");
        }
        return new RegisterOutcome.Accepted(next);
    }

    /** Contact {@code expires} first, then the Expires header, then the default (RFC 3261 10.2.1.1, 10.3 step 7). */
    private long requestedExpires(ContactHeader contact, Request request) {
        if (contact.getExpires() >= 0) {
            return contact.getExpires();
        }
        int header = SipMessages.expiresHeader(request);
        return header >= 0 ? header : config.defaultExpires();
    }

    /** 10.3 step 8: 200 listing every current binding with its remaining time, plus Date. */
    private Response ok(Request request, List<Binding> current, List<String> path) {
        Response response = sip.response(request, Response.OK, null);
        long now = bindings.now();
        try {
            for (Binding binding : current) {
                ContactHeader contact = sip.headers().createContactHeader(sip.address(binding.contactUri()));
                contact.setExpires((int) Math.min(Integer.MAX_VALUE, binding.remainingSeconds(now)));
                if (!binding.qValue().isEmpty()) {
                    contact.setParameter("q", binding.qValue());
                }
                response.addHeader(contact);
            }
            response.addHeader(sip.headers().createDateHeader(Calendar.getInstance(TimeZone.getTimeZone("GMT"))));
            // RFC 3327 5.3: echo the stored Path only to a UA that said it supports it.
            if (supportsPath(request)) {
                for (String hop : path) {
                    response.addHeader(sip.headers().createHeader(PATH, hop));
                }
            }
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot list bindings", e);
        }
        return response;
    }

    private boolean sameUri(String stored, URI uri) {
        try {
            return sip.uri(stored).equals(uri);
        } catch (ParseException e) {
            return stored.equals(uri.toString());
        }
    }

    private static List<ContactHeader> contacts(Request request) {
        List<ContactHeader> contacts = new ArrayList<>();
        for (ListIterator<?> it = request.getHeaders(ContactHeader.NAME); it.hasNext(); ) {
            contacts.add((ContactHeader) it.next());
        }
        return contacts;
    }

    /** RFC 3327 5.3: the Path header values in order; Kamailio's {@code path_mode} 2 stores them in any case. */
    private static List<String> path(Request request) {
        List<String> path = new ArrayList<>();
        for (ListIterator<?> it = request.getHeaders(PATH); it.hasNext(); ) {
            path.add(((HeaderAddress) it.next()).getAddress().toString());
        }
        return path;
    }

    private static boolean supportsPath(Request request) {
        for (ListIterator<?> it = request.getHeaders(SupportedHeader.NAME); it.hasNext(); ) {
            if ("path".equalsIgnoreCase(((SupportedHeader) it.next()).getOptionTag())) {
                return true;
            }
        }
        return false;
    }
}
