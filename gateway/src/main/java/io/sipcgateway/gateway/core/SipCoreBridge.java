package io.sipcgateway.gateway.core;

import io.sipcgateway.gateway.inspect.TranslationEvent;
import io.sipcgateway.gateway.inspect.TranslationRecorder;
import io.sipcgateway.gateway.legacy.CoreBridge;
import io.sipcgateway.gateway.legacy.SignedInUser;
import io.sipcgateway.mapping.CoreToLegacy;
import io.sipcgateway.mapping.Correlation;
import io.sipcgateway.mapping.HostPort;
import io.sipcgateway.mapping.IdGenerator;
import io.sipcgateway.mapping.LegacyContext;
import io.sipcgateway.mapping.LegacyToCore;
import io.sipcgateway.mapping.LegacyUser;
import io.sipcgateway.mapping.Translation;
import io.sipcgateway.mapping.identity.IdentityDirectory;
import io.sipcgateway.mapping.presence.Presence;
import io.sipcgateway.mapping.presence.SipcPresenceArgs;
import io.sipcgateway.sipc.SipcBody;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcHeaders;
import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import io.sipcgateway.sipc.SipcStatus;
import io.sipcgateway.sipc.SipcVersion;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The legacy sessions' way to the core, through the mapping: each signed-in user is REGISTERed (refreshed before it
 * expires, retried while the core is away, removed at sign-out), its requests are translated and sent, and the
 * core's final answer is translated back. Every legacy request ends in exactly one final response: the core's,
 * or 504 when it does not answer in time, 503 when it cannot be reached. Requests from the core go through
 * {@link CoreInbound}.
 */
public final class SipCoreBridge implements CoreBridge {
    private static final Logger LOG = LoggerFactory.getLogger(SipCoreBridge.class);
    private final LogBudget coreFailures = new LogBudget(10);
    /** Re-REGISTER when this share of the granted expiry has passed. */
    private static final double REFRESH_AT = 0.8;
    static final Duration RETRY_DELAY = Duration.ofSeconds(5);

    private final CoreSender sender;
    private final UserLinks links;
    private final Environment environment;
    private final ScheduledExecutorService timers;
    private final Publications publications;
    private volatile CoreInbound inbound;

    /** What every user's translation context shares. */
    public record Environment(String domain, HostPort gateway, IdGenerator ids, Clock clock,
            IdentityDirectory identities, Duration registrationExpiry, TranslationRecorder recorder) {
    }

    SipCoreBridge(CoreSender sender, UserLinks links, Environment environment, ScheduledExecutorService timers,
            HeaderFactory headers) {
        this.sender = sender;
        this.links = links;
        this.environment = environment;
        this.timers = timers;
        this.publications = new Publications(environment.ids(), headers);
    }

    @Override
    public void signedIn(SignedInUser user) {
        LegacyUser legacyUser = new LegacyUser(user.sid(), Optional.of(user.account().userId()), user.version());
        LegacyContext context = new LegacyContext(legacyUser, environment.domain(), environment.gateway(),
                environment.ids(), environment.clock(), environment.identities(), Correlation.EMPTY);
        UserLink link = new UserLink(user, context);
        links.add(link).ifPresent(UserLink::close); // replaced by a newer login: same binding, no unregister
        register(link);
    }

    /** REGISTERs (or refreshes) the user's binding; reschedules itself on success and on failure. */
    void register(UserLink link) {
        if (link.isClosed()) {
            return;
        }
        long seconds = environment.registrationExpiry().toSeconds();
        Translation translation = LegacyToCore.toCore(syntheticRegister(link, seconds), link.legacyContext());
        if (!(translation instanceof Translation.ToCore toCore)) {
            LOG.error("REGISTER for {} did not translate: {}", link.user.sid(), translation);
            return;
        }
        link.update(toCore.correlation());
        sender.send(toCore.requests().get(0)).whenComplete((response, error) -> {
            boolean ok = error == null && response.getStatusCode() / 100 == 2;
            UserLink.Registration change = link.registered(ok);
            if (ok) {
                long granted = grantedExpiry(response, seconds);
                schedule(link, () -> register(link), Duration.ofMillis((long) (granted * 1000 * REFRESH_AT)));
                if (change != UserLink.Registration.UNCHANGED) {
                    LOG.info("{} registered at the core for {} s", link.user.sid(), granted);
                    publish(link, link.presence());
                }
                if (change == UserLink.Registration.RECOVERED) {
                    resendSubscriptions(link, true);
                } else if (change == UserLink.Registration.UNCHANGED) {
                    // A refresh (every 80% of X, 480 s by default): refresh what expires later than the binding
                    // too, or a session longer than the core's subscription and publication expiry (3600 s) would
                    // silently stop seeing presence.
                    resendSubscriptions(link, false);
                    publish(link, link.presence());
                }
            } else {
                LOG.warn("REGISTER for {} failed ({}); retrying in {} s", link.user.sid(),
                        error != null ? error.toString() : response.getStatusCode(), RETRY_DELAY.toSeconds());
                schedule(link, () -> register(link), RETRY_DELAY);
            }
        });
    }

    /**
     * Sends every remembered SUB again with the next CSeq: in its existing dialogs as a refresh (RFC 6665 4.1.2.1),
     * or, after a core outage ({@code newDialogs}), in new ones, since the core has forgotten the old.
     */
    private void resendSubscriptions(UserLink link, boolean newDialogs) {
        for (SipcRequest sub : link.subscriptions()) {
            SipcRequest again = bumpCseq(sub);
            if (newDialogs) {
                sub.callId().ifPresent(link::dropLinks);
            }
            link.rememberSubscription(again);
            forward(link, again, response -> LOG.debug("{} SUB {} for {}: {}", newDialogs ? "restored" : "refreshed",
                    sub.callId().orElse(""), link.user.sid(), response.status()));
        }
    }

    @Override
    public void signedOut(SignedInUser user, String reason) {
        Optional<UserLink> found = links.bySid(user.sid()).filter(l -> l.user == user);
        if (found.isEmpty() || !links.remove(found.get()) || !found.get().close()) {
            return;
        }
        UserLink link = found.get();
        if (link.etag().isPresent()
                && LegacyToCore.toCore(setPresence(link, link.presence()), link.legacyContext())
                        instanceof Translation.ToCore toCore) {
            publications.removal(link, toCore.requests().get(0)).ifPresent(remove -> sender.send(remove)
                    .whenComplete((r, e) -> LOG.debug("PUBLISH removal for {}: {}", link.user.sid(),
                            e != null ? e.toString() : r.getStatusCode())));
        }
        for (SipcRequest sub : link.subscriptions()) {
            SipcRequest end = bumpCseq(sub).withHeaders(bumpCseq(sub).headers().toBuilder()
                    .set(SipcHeaderName.EXPIRES, "0").build());
            sendAndForget(link, end, "SUBSCRIBE removal");
        }
        sendAndForget(link, syntheticRegister(link, 0), "REGISTER removal");
    }

    @Override
    public void forward(SignedInUser user, SipcRequest request, Consumer<SipcResponse> reply) {
        Optional<UserLink> link = links.bySid(user.sid()).filter(l -> l.user == user);
        if (link.isEmpty()) {
            reply.accept(request.reply(SipcStatus.SERVICE_UNAVAILABLE));
            return;
        }
        if (request.method().equals(SipcMethod.S)) {
            boolean setPresence = request.event().filter(n -> n.equals("SetPresence") || n.equals("SetPresenceV4"))
                    .isPresent();
            if (setPresence) {
                SipcPresenceArgs.readSetPresence(request.body()).toOptional().ifPresent(link.get()::presence);
            }
        }
        if (request.method().equals(SipcMethod.SUB)) {
            boolean ending = request.header(SipcHeaderName.EXPIRES).filter("0"::equals).isPresent();
            if (ending) {
                request.callId().ifPresent(link.get()::forgetSubscription);
            } else if (!link.get().rememberSubscription(request)) {
                reply.accept(request.reply(SipcStatus.FORBIDDEN));
                return;
            }
        }
        forward(link.get(), request, reply);
    }

    private void forward(UserLink link, SipcRequest request, Consumer<SipcResponse> reply) {
        long start = System.nanoTime();
        Translation translation = LegacyToCore.toCore(request, link.legacyContext());
        if (translation instanceof Translation.ToCore toCore) {
            link.update(toCore.correlation());
            List<Publications.Prepared> prepared = publications.prepare(link, toCore.requests());
            sendAll(prepared).whenComplete((outcome, error) -> {
                Optional<Response> chosen = chosen(outcome);
                SipcResponse answer = answer(link, request, outcome, chosen);
                reply.accept(answer);
                record(link, start, request, answer, prepared.stream().map(Publications.Prepared::request).toList(),
                        chosen, TranslationRecorder.kindOf(answer.code()), Optional.empty());
            });
        } else if (translation instanceof Translation.ReplyToLegacy r) {
            LOG.debug("{} {} answered locally: {}", link.user.sid(), request.method(), r.detail());
            reply.accept(r.response());
            record(link, start, request, r.response(), List.of(), Optional.empty(),
                    TranslationEvent.Outcome.Kind.FAILED, Optional.of(r.detail()));
        } else if (translation instanceof Translation.Absorbed absorbed) {
            LOG.debug("{} {} absorbed: {}", link.user.sid(), request.method(), absorbed.reason());
            if (!request.method().equals(SipcMethod.A)) { // an ACK is never answered (RFC 3261 17.1.1.3)
                SipcResponse ok = withTo(request, request.reply(SipcStatus.OK));
                reply.accept(ok);
                record(link, start, request, ok, List.of(), Optional.empty(), TranslationEvent.Outcome.Kind.SUCCESS,
                        Optional.of(absorbed.reason()));
            }
        } else {
            LOG.error("unexpected translation of a legacy request: {}", translation);
            reply.accept(request.reply(SipcStatus.SERVER_ERROR));
        }
    }

    private void record(UserLink link, long start, SipcRequest request, SipcResponse answer, List<Request> sip,
            Optional<Response> sipAnswer, TranslationEvent.Outcome.Kind kind, Optional<String> reason) {
        TranslationRecorder recorder = environment.recorder();
        if (!recorder.enabled()) {
            return;
        }
        recorder.record(new TranslationRecorder.Exchange(start, link.user.connection().id(),
                String.valueOf(link.user.connection().remoteAddress()), Optional.of(link.user.sid()),
                sip.isEmpty() ? TranslationEvent.Direction.LOCAL : TranslationEvent.Direction.LEGACY_TO_CORE,
                request, Optional.of(answer), sip, sipAnswer, kind, reason));
    }

    /** The core answer that decides a fan-out: the first 2xx, else the first final response. */
    private static Optional<Response> chosen(List<Outcome> outcomes) {
        return outcomes.stream().map(Outcome::response).flatMap(Optional::stream)
                .filter(r -> r.getStatusCode() / 100 == 2).findFirst()
                .or(() -> outcomes.stream().map(Outcome::response).flatMap(Optional::stream).findFirst());
    }

    /** The legacy answer: the chosen core answer translated, else 504 (timeout) or 503 (unreachable). */
    private SipcResponse answer(UserLink link, SipcRequest request, List<Outcome> outcomes,
            Optional<Response> chosen) {
        if (chosen.isEmpty()) {
            boolean timedOut = outcomes.stream().anyMatch(o -> o.error() instanceof TimeoutException);
            long leftOut = coreFailures.take();
            if (leftOut >= 0) {
                LOG.warn("{} {}: core {}{}", link.user.sid(), request.method(), timedOut ? "timed out"
                        : outcomes.stream().map(Outcome::error).filter(e -> e != null).findFirst()
                                .map(Throwable::getMessage).orElse("unreachable"),
                        leftOut > 0 ? " (" + leftOut + " more such lines left out)" : "");
            }
            return request.reply(timedOut ? SipcStatus.SERVER_TIMEOUT : SipcStatus.SERVICE_UNAVAILABLE);
        }
        Translation back = CoreToLegacy.toLegacy(chosen.get(), request, link.coreContext());
        if (back instanceof Translation.ToLegacy toLegacy && !toLegacy.messages().isEmpty()
                && toLegacy.messages().get(0) instanceof SipcResponse response) {
            link.update(toLegacy.correlation());
            return response;
        }
        if (back instanceof Translation.ReplyToLegacy r) {
            return r.response();
        }
        LOG.error("core answer to {} did not translate: {}", request.method(), back);
        return request.reply(SipcStatus.SERVER_ERROR);
    }

    record Outcome(Optional<Response> response, Throwable error) {
    }

    private CompletableFuture<List<Outcome>> sendAll(List<Publications.Prepared> requests) {
        List<CompletableFuture<Outcome>> futures = requests.stream()
                .map(r -> publications.send(sender, r).handle((response, error) -> new Outcome(Optional.ofNullable(response),
                        error instanceof CompletionException ? error.getCause() : error)))
                .toList();
        return CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
                .thenApply(done -> futures.stream().map(CompletableFuture::join).toList());
    }

    private void sendAndForget(UserLink link, SipcRequest request, String what) {
        Translation translation = LegacyToCore.toCore(request, link.legacyContext());
        if (translation instanceof Translation.ToCore toCore) {
            for (Publications.Prepared sip : publications.prepare(link, toCore.requests())) {
                publications.send(sender, sip).whenComplete((response, error) -> LOG.debug("{} for {}: {}", what,
                        link.user.sid(), error != null ? error.toString() : response.getStatusCode()));
            }
        }
    }

    @Override
    public void legacyAnswered(SignedInUser user, SipcResponse response) {
        links.bySid(user.sid()).ifPresent(link -> inbound.legacyAnswered(link, response));
    }

    void inbound(CoreInbound value) {
        this.inbound = value;
    }

    /** Called when the core answers again after an outage: every binding and subscription is gone there. */
    void coreRecovered() {
        for (UserLink link : links.all()) {
            link.lost();
            register(link);
        }
    }

    /** Publishes {@code presence} for the user, as if the client had sent SetPresence (mapped to PUBLISH). */
    private void publish(UserLink link, Presence presence) {
        sendAndForget(link, setPresence(link, presence), "PUBLISH");
    }

    /** The SetPresence the user's client would send, with the next CSeq of the gateway's own presence dialog. */
    private static SipcRequest setPresence(UserLink link, Presence presence) {
        boolean v4 = SipcVersion.V4.equals(link.user.version());
        SipcHeaders headers = SipcHeaders.builder()
                .add(SipcHeaderName.FROM, link.user.sid())
                .add(SipcHeaderName.CALL_ID, UserLink.PRESENCE_CALL_ID)
                .add(SipcHeaderName.CSEQ, link.nextPresenceCseq() + " S")
                .add(SipcHeaderName.EVENT, v4 ? "SetPresenceV4" : "SetPresence")
                .build();
        return new SipcRequest(SipcMethod.S, "fetion.com.cn", link.user.version(), headers,
                SipcPresenceArgs.writeSetPresence(presence, link.user.version()));
    }

    private void schedule(UserLink link, Runnable task, Duration delay) {
        link.refresh(timers.schedule(task, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS));
    }

    private SipcRequest syntheticRegister(UserLink link, long expires) {
        SipcHeaders headers = SipcHeaders.builder()
                .add(SipcHeaderName.FROM, link.user.sid())
                .add(SipcHeaderName.CALL_ID, UserLink.REGISTER_CALL_ID)
                .add(SipcHeaderName.CSEQ, link.nextRegisterCseq() + " R")
                .add(SipcHeaderName.EXPIRES, Long.toString(expires))
                .build();
        return new SipcRequest(SipcMethod.R, "fetion.com.cn", link.user.version(), headers, SipcBody.EMPTY);
    }

    private static SipcRequest bumpCseq(SipcRequest request) {
        long next = request.cseq().map(c -> c.number() + 1).orElse(1L);
        return request.withHeaders(request.headers().toBuilder()
                .set(SipcHeaderName.CSEQ, next + " " + request.method().token()).build());
    }

    private static SipcResponse withTo(SipcRequest request, SipcResponse response) {
        return request.header(SipcHeaderName.TO).map(t -> response.with(SipcHeaderName.TO, t)).orElse(response);
    }

    private static long grantedExpiry(Response response, long asked) {
        ExpiresHeader expires = (ExpiresHeader) response.getHeader(ExpiresHeader.NAME);
        return expires != null && expires.getExpires() > 0 ? expires.getExpires() : Math.max(asked, 60);
    }
}
