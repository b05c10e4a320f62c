package io.sipcgateway.gateway.core.embedded;

import java.text.ParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.SIPIfMatchHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PUBLISH (RFC 3903 6) for the {@code presence} event package: initial, refresh, modify and remove, each success
 * issuing a fresh entity-tag. Documents are stored as sent; {@code onChange} hears of every change of a
 * presentity's state (not of refreshes, which change nothing).
 */
final class EventStateCompositor {
    private static final Logger LOG = LoggerFactory.getLogger(EventStateCompositor.class);

    private final SipMessages sip;
    private final PublicationRegistry publications;
    private final LocalDomain domain;
    private final EmbeddedCoreConfig config;
    private final Consumer<Aor> onChange;

    EventStateCompositor(SipMessages sip, PublicationRegistry publications, LocalDomain domain,
            EmbeddedCoreConfig config, Consumer<Aor> onChange) {
        this.sip = Objects.requireNonNull(sip, "sip");
        this.publications = Objects.requireNonNull(publications, "publications");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.config = Objects.requireNonNull(config, "config");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
    }

    /** The document watchers of {@code presentity} get now: the last published one, else a closed one. */
    PresenceDocument current(Aor presentity) {
        return publications.current(presentity).orElseGet(() -> PresenceDocument.closed(presentity));
    }

    void handle(ServerTransaction st, Request request) throws ParseException, InvalidArgumentException {
        // Step 1: the Request-URI names the presentity.
        if (!domain.isLocal(request.getRequestURI())) {
            sip.reply(st, Response.FORBIDDEN, "Not our domain");
            return;
        }
        Optional<Aor> presentity = domain.aorOf(request.getRequestURI());
        if (presentity.isEmpty()) {
            sip.reply(st, Response.NOT_FOUND, "No such presentity");
            return;
        }
        // Step 2: only the presence package (jain-sip already answered 400 to a PUBLISH without Event).
        EventHeader event = (EventHeader) request.getHeader(EventHeader.NAME);
        if (!Notifier.PRESENCE.equalsIgnoreCase(event.getEventType())) {
            sip.reply(st, Response.BAD_EVENT, null, sip.headers().createAllowEventsHeader(Notifier.PRESENCE));
            return;
        }
        // Step 4: expiry. Too short is 423 (MUST); too long is shortened.
        int requested = SipMessages.expiresHeader(request);
        long expires = requested < 0 ? config.defaultExpires() : Math.min(requested, config.maxExpires());
        if (expires > 0 && expires < config.minExpires()) {
            sip.reply(st, Response.INTERVAL_TOO_BRIEF, null,
                    sip.headers().createMinExpiresHeader(config.minExpires()));
            return;
        }
        byte[] body = request.getRawContent();
        boolean hasBody = body != null && body.length > 0;
        // Step 5 before step 3, so a rejected body leaves the old state (and its entity-tag) in place.
        if (hasBody && !isPidf(request)) {
            sip.reply(st, Response.UNSUPPORTED_MEDIA_TYPE, null,
                    sip.headers().createAcceptHeader("application", "pidf+xml"));
            return;
        }
        SIPIfMatchHeader ifMatch = (SIPIfMatchHeader) request.getHeader(SIPIfMatchHeader.NAME);
        long now = publications.now();
        long deadline = now + TimeUnit.SECONDS.toNanos(expires);
        if (ifMatch == null) {
            if (!hasBody) {
                sip.reply(st, Response.BAD_REQUEST, "Initial PUBLISH without a body");
                return;
            }
            PresenceDocument document = new PresenceDocument(body, contentType(request));
            publish(st, presentity.get(), expires, new Publication(presentity.get(), SipMessages.newToken(),
                    document, now, deadline), true);
            return;
        }
        // Step 3: the entity-tag must name live state of this presentity.
        Optional<Publication> previous = publications.take(presentity.get(), ifMatch.getETag());
        if (previous.isEmpty()) {
            sip.reply(st, Response.CONDITIONAL_REQUEST_FAILED, null);
            return;
        }
        if (expires == 0) {
            LOG.debug("PUBLISH remove {}", presentity.get());
            sip.reply(st, Response.OK, null, sip.headers().createExpiresHeader(0));
            onChange.accept(presentity.get());
            return;
        }
        Publication old = previous.get();
        Publication next = hasBody
                ? new Publication(old.presentity(), SipMessages.newToken(),
                        new PresenceDocument(body, contentType(request)), now, deadline)
                : new Publication(old.presentity(), SipMessages.newToken(), old.document(), old.modifiedAtNanos(),
                        deadline);
        publish(st, presentity.get(), expires, next, hasBody);
    }

    /** Step 6-7: store, answer 200 with the new SIP-ETag and the granted Expires, then tell watchers. */
    private void publish(ServerTransaction st, Aor presentity, long expires, Publication publication,
            boolean changed) throws ParseException, InvalidArgumentException {
        if (expires > 0) {
            publications.put(publication);
        }
        LOG.debug("PUBLISH {} etag {} ({})", presentity, publication.etag(), changed ? "changed" : "refresh");
        sip.reply(st, Response.OK, null, sip.headers().createSIPETagHeader(publication.etag()),
                sip.headers().createExpiresHeader((int) expires));
        if (changed && expires > 0) {
            onChange.accept(presentity);
        }
    }

    private static boolean isPidf(Request request) {
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        return type != null && "application".equalsIgnoreCase(type.getContentType())
                && "pidf+xml".equalsIgnoreCase(type.getContentSubType());
    }

    private static String contentType(Request request) {
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        return (type.getContentType() + "/" + type.getContentSubType()).toLowerCase(Locale.ROOT);
    }
}
