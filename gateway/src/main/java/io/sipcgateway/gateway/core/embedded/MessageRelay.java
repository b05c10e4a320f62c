package io.sipcgateway.gateway.core.embedded;

import java.text.ParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sip.ClientTransaction;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.address.URI;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 3428 MESSAGE relay as a transaction-stateful proxy (RFC 3261 16): to every live contact of the target AOR,
 * through its Path (RFC 3327), the best final response back to the caller. No contact gives 480; no final
 * response within the relay timeout gives 408; a contact we cannot send to counts as 480.
 */
final class MessageRelay {
    private static final Logger LOG = LoggerFactory.getLogger(MessageRelay.class);
    private static final String BRANCH_PREFIX = SipMessages.newBranch("");

    private final SipMessages sip;
    private final BindingRegistry bindings;
    private final LocalDomain domain;
    private final EmbeddedCoreConfig config;
    private final RelayRegistry relays;

    MessageRelay(SipMessages sip, BindingRegistry bindings, LocalDomain domain, EmbeddedCoreConfig config,
            RegistryTiming timing) {
        this.sip = Objects.requireNonNull(sip, "sip");
        this.bindings = Objects.requireNonNull(bindings, "bindings");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.config = Objects.requireNonNull(config, "config");
        this.relays = new RelayRegistry(config.maxPendingRelays(), timing, this::answer);
    }

    void handle(ServerTransaction st, Request request) {
        // As Kamailio's route[LOCATION]: only our domain, and only with a user part.
        if (!domain.isLocal(request.getRequestURI())) {
            sip.reply(st, Response.FORBIDDEN, "Relaying forbidden");
            return;
        }
        Optional<Aor> target = domain.aorOf(request.getRequestURI());
        if (target.isEmpty()) {
            sip.reply(st, Response.ADDRESS_INCOMPLETE, null);
            return;
        }
        // RFC 3261 16.3 step 3 (jain-sip already answered 400 to a request without Max-Forwards).
        if (((MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME)).getMaxForwards() <= 0) {
            sip.reply(st, Response.TOO_MANY_HOPS, null);
            return;
        }
        List<Binding> contacts = bindings.lookup(target.get());
        if (contacts.isEmpty()) {
            // RFC 3261 21.4.18: the user exists (any user may register here) but is not reachable now.
            sip.reply(st, Response.TEMPORARILY_UNAVAILABLE, null);
            return;
        }
        if (relays.size() >= config.maxPendingRelays()) {
            sip.reply(st, Response.SERVICE_UNAVAILABLE, "Too many pending relays");
            return;
        }
        String id = SipMessages.newToken();
        relays.put(new Relay(id, st, contacts.size(), List.of(), relays.now() + config.relayTimeout().toNanos()));
        LOG.debug("MESSAGE to {} forked to {} contact(s), relay {}", target.get(), contacts.size(), id);
        for (int branch = 0; branch < contacts.size(); branch++) {
            forward(id, branch, contacts.get(branch), request);
        }
    }

    /** RFC 3261 16.6: copy, retarget, route by the Path, count the hop, add our Via, send statefully. */
    private void forward(String id, int branch, Binding contact, Request request) {
        try {
            Request copy = (Request) request.clone();
            URI target = sip.uri(contact.contactUri());
            copy.setRequestURI(target);
            // An out-of-dialog MESSAGE's Route headers led to us (as Kamailio's remove_hf("Route")).
            copy.removeHeader(RouteHeader.NAME);
            for (String hop : contact.path()) {
                copy.addLast(sip.headers().createRouteHeader(sip.address(hop)));
            }
            MaxForwardsHeader maxForwards = (MaxForwardsHeader) copy.getHeader(MaxForwardsHeader.NAME);
            maxForwards.decrementMaxForwards();
            String transport = SipMessages.transportFor(target, contact.path(), sip.addresses());
            if (sip.listeningPoint(transport) == null) {
                throw new SipException("the core does not run " + transport);
            }
            copy.addFirst(sip.via(transport, SipMessages.newBranch(id + "." + branch)));
            ClientTransaction ct = sip.provider().getNewClientTransaction(copy);
            ct.sendRequest();
        } catch (ParseException | SipException | RuntimeException e) {
            LOG.debug("relay {} branch {} to {} failed: {}", id, branch, contact.contactUri(), e.toString());
            outcome(id, new Relay.Outcome(branch, Response.TEMPORARILY_UNAVAILABLE, null));
        }
    }

    void onResponse(ClientTransaction ct, Response response) {
        if (response.getStatusCode() < 200) {
            return; // provisional responses to MESSAGE are not forwarded (RFC 4320 discourages them)
        }
        branchOf(ct).ifPresent(ref -> outcome(ref.id(), new Relay.Outcome(ref.branch(),
                response.getStatusCode(), response)));
    }

    void onTimeout(ClientTransaction ct) {
        branchOf(ct).ifPresent(ref -> outcome(ref.id(), new Relay.Outcome(ref.branch(), Response.REQUEST_TIMEOUT,
                null)));
    }

    private void outcome(String id, Relay.Outcome outcome) {
        Optional<Relay> relay = relays.record(id, outcome);
        if (relay.isEmpty()) {
            LOG.debug("late outcome {} for relay {}", outcome.status(), id);
            return;
        }
        // RFC 3261 16.7 step 5: a 2xx goes back at once; otherwise wait for every branch.
        if (relay.get().succeeded() || relay.get().complete()) {
            relays.finish(id).ifPresent(this::answer);
        }
    }

    /** Sends the caller the best outcome; runs once per relay (finish or Caffeine eviction). */
    private void answer(Relay relay) {
        Relay.Outcome best = relay.best();
        ServerTransaction st = relay.serverTransaction();
        if (best.response() == null) {
            sip.reply(st, best.status(), null);
            return;
        }
        if (best.status() == Response.SERVICE_UNAVAILABLE) {
            // RFC 3261 16.7 step 6: a proxy does not pass on a 503; it says 500 instead.
            sip.reply(st, Response.SERVER_INTERNAL_ERROR, null);
            return;
        }
        Response copy = (Response) best.response().clone();
        copy.removeFirst(ViaHeader.NAME); // RFC 3261 16.7 step 3: our Via off
        sip.send(st, copy);
    }

    private static Optional<BranchRef> branchOf(ClientTransaction ct) {
        String branch = ct.getBranchId();
        if (branch == null || !branch.startsWith(BRANCH_PREFIX)) {
            return Optional.empty();
        }
        String rest = branch.substring(BRANCH_PREFIX.length());
        int dot = rest.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BranchRef(rest.substring(0, dot), Integer.parseInt(rest.substring(dot + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private record BranchRef(String id, int branch) {
    }
}
