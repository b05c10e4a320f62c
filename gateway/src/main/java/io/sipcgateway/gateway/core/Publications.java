package io.sipcgateway.gateway.core;

import io.sipcgateway.mapping.IdGenerator;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.sip.InvalidArgumentException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.SIPETagHeader;
import javax.sip.header.SIPIfMatchHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each user's presence one publication at the core (RFC 3903): the first PUBLISH creates it, every later one
 * modifies it with {@code SIP-If-Match} and the entity tag of the last answer (section 4.4), so a presence server that
 * aggregates publications (Kamailio's presence_xml) never merges a user's old state with the new. A {@code 412}
 * (the core lost it, e.g. after a restart) is answered by publishing afresh, once. Only PUBLISH is touched; the
 * mapping builds the requests, this adds the state the mapping cannot know.
 */
final class Publications {
    private static final Logger LOG = LoggerFactory.getLogger(Publications.class);
    private static final int CONDITIONAL_REQUEST_FAILED = 412;

    private final IdGenerator ids;
    private final HeaderFactory headers;

    Publications(IdGenerator ids, HeaderFactory headers) {
        this.ids = ids;
        this.headers = headers;
    }

    /** A request to send, with the user's link when it is a PUBLISH whose ETag must be tracked. */
    record Prepared(Request request, Optional<UserLink> publisher) {
    }

    List<Prepared> prepare(UserLink link, List<Request> requests) {
        return requests.stream().map(r -> Request.PUBLISH.equals(r.getMethod())
                ? new Prepared(withIfMatch(r, link.etag()), Optional.of(link))
                : new Prepared(r, Optional.empty())).toList();
    }

    /** Sends {@code prepared}; for a PUBLISH, learns the new ETag, and retries a 412 without the condition. */
    CompletableFuture<Response> send(CoreSender sender, Prepared prepared) {
        CompletableFuture<Response> sent = sender.send(prepared.request());
        if (prepared.publisher().isEmpty()) {
            return sent;
        }
        UserLink link = prepared.publisher().get();
        return sent.thenCompose(response -> {
            if (response.getStatusCode() == CONDITIONAL_REQUEST_FAILED
                    && prepared.request().getHeader(SIPIfMatchHeader.NAME) != null) {
                LOG.info("the core lost {}'s publication (412); publishing afresh", link.user.sid());
                link.etag(null);
                Request again = fresh(prepared.request());
                return sender.send(again).thenApply(r -> learn(link, r));
            }
            return CompletableFuture.completedFuture(learn(link, response));
        });
    }

    /**
     * Turns {@code publish}, the user's presence freshly translated (the publication's Call-ID, the next CSeq), into
     * the removal of the user's publication (RFC 3903 4.6: {@code Expires: 0} with {@code SIP-If-Match}), so watchers
     * see the user go at once and no stale document outlives the session; a later login publishes afresh. Nothing to
     * do when the core never accepted a publication. The accepted PUBLISH itself is not kept as a template: a parsed
     * jain-sip request (~50 objects) was the largest thing an idle session held (issue 7).
     */
    Optional<Request> removal(UserLink link, Request publish) {
        Optional<String> etag = link.etag();
        if (etag.isEmpty()) {
            return Optional.empty();
        }
        Request remove = (Request) publish.clone();
        try {
            remove.removeContent();
            remove.removeHeader(ContentTypeHeader.NAME);
            remove.setHeader(headers.createExpiresHeader(0));
            remove.setHeader(headers.createSIPIfMatchHeader(etag.get()));
        } catch (ParseException | InvalidArgumentException e) {
            LOG.warn("cannot build the PUBLISH removal for {}: {}", link.user.sid(), e.toString());
            return Optional.empty();
        }
        link.etag(null);
        return Optional.of(remove);
    }

    private static Response learn(UserLink link, Response response) {
        SIPETagHeader etag = (SIPETagHeader) response.getHeader(SIPETagHeader.NAME);
        if (response.getStatusCode() / 100 == 2 && etag != null && etag.getETag() != null) {
            link.etag(etag.getETag());
        }
        return response;
    }

    private Request withIfMatch(Request publish, Optional<String> etag) {
        if (etag.isEmpty()) {
            return publish;
        }
        try {
            Request copy = (Request) publish.clone();
            copy.setHeader(headers.createSIPIfMatchHeader(etag.get()));
            return copy;
        } catch (ParseException e) {
            LOG.warn("bad ETag {}; publishing without it", etag.get());
            return publish;
        }
    }

    /** The same PUBLISH without the condition, in a new transaction (new branch, next CSeq). */
    private Request fresh(Request publish) {
        Request copy = (Request) publish.clone();
        copy.removeHeader(SIPIfMatchHeader.NAME);
        try {
            ((ViaHeader) copy.getHeader(ViaHeader.NAME)).setBranch(ids.branch());
            CSeqHeader cseq = (CSeqHeader) copy.getHeader(CSeqHeader.NAME);
            cseq.setSeqNumber(cseq.getSeqNumber() + 1);
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot renew a PUBLISH", e);
        }
        return copy;
    }
}
