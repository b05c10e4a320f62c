package io.sipcgateway.gateway.cli;

import io.sipcgateway.mapping.CoreContext;
import io.sipcgateway.mapping.CoreToLegacy;
import io.sipcgateway.mapping.Correlation;
import io.sipcgateway.mapping.CountingIdGenerator;
import io.sipcgateway.mapping.HostPort;
import io.sipcgateway.mapping.IdGenerator;
import io.sipcgateway.mapping.LegacyContext;
import io.sipcgateway.mapping.LegacyToCore;
import io.sipcgateway.mapping.LegacyUser;
import io.sipcgateway.mapping.Translation;
import io.sipcgateway.mapping.identity.Identities;
import io.sipcgateway.mapping.identity.Identity;
import io.sipcgateway.mapping.identity.InMemoryDirectory;
import io.sipcgateway.mapping.table.StatusRule;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcMessage;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcResponse;
import io.sipcgateway.sipc.SipcVersion;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The state of one {@code translate} run: demo directory, counting ids, the correlation carried from message to
 * message, and the requests translated so far, so that a later response can be paired with the request it answers.
 */
final class TranslateSession {
    static final String DEFAULT_SID = "916000001";

    private final String domain;
    private final HostPort gateway;
    private final String fixedSid;
    private final SipcVersion sipVersion;
    private final Clock clock;
    private final IdGenerator ids;
    private final InMemoryDirectory directory;
    private final Identities identities;
    private final Map<String, Request> coreByLegacyKey = new HashMap<>();
    private final Map<String, SipcRequest> legacyByCoreKey = new HashMap<>();
    private Correlation correlation = Correlation.EMPTY;

    TranslateSession(String domain, String gateway, String fixedSid, int sipcVersion, Clock clock,
            List<Identity> extraIdentities) {
        this.domain = domain;
        this.gateway = HostPort.parse(gateway);
        this.fixedSid = fixedSid;
        this.sipVersion = sipcVersion == 2 ? SipcVersion.V2 : SipcVersion.V4;
        this.clock = clock;
        this.ids = new CountingIdGenerator(this.gateway.host());
        this.directory = InMemoryDirectory.demo(domain).with(extraIdentities, Map.of());
        this.identities = new Identities(directory, domain);
    }

    /**
     * What one message became: a translation, or, for a response whose request is not earlier in the input, only
     * what its status reads as.
     */
    record Step(Optional<Translation> translation, String unpaired) {
        static Step of(Translation translation) {
            return new Step(Optional.of(translation), "");
        }
    }

    Step translate(SipcMessage message) {
        if (message instanceof SipcRequest request) {
            String sid = fixedSid != null ? fixedSid
                    : (request.target().equalsIgnoreCase(Identities.LEGACY_DOMAIN)
                            ? request.header(SipcHeaderName.FROM).flatMap(Identities::sidOf)
                            : Identities.sidOf(request.target())).orElse(DEFAULT_SID);
            Translation t = LegacyToCore.toCore(request, new LegacyContext(user(sid, request.version()), domain,
                    gateway, ids, clock, directory, correlation));
            if (t instanceof Translation.ToCore core) {
                correlation = core.correlation();
                core.requests().forEach(r -> remember(request, r));
            }
            return Step.of(t);
        }
        SipcResponse response = (SipcResponse) message;
        Request original = coreByLegacyKey.get(key(response));
        if (original == null) {
            return unpaired("SIP-C " + response.status(), "SIP " + StatusRule.sipCodeFor(response.code()));
        }
        return Step.of(LegacyToCore.toCore(response, original, new LegacyContext(user(sidOr(DEFAULT_SID),
                response.version()), domain, gateway, ids, clock, directory, correlation)));
    }

    Step translate(Message message) {
        if (message instanceof Request request) {
            String sid = sidOr(userOfCore((ToHeader) request.getHeader(ToHeader.NAME), request));
            Translation t = CoreToLegacy.toLegacy(request, new CoreContext(user(sid, sipVersion), domain, gateway,
                    ids, clock, directory, correlation));
            if (t instanceof Translation.ToLegacy legacy) {
                correlation = legacy.correlation();
                legacy.messages().stream().filter(SipcRequest.class::isInstance).map(SipcRequest.class::cast)
                        .forEach(r -> remember(r, request));
            }
            return Step.of(t);
        }
        Response response = (Response) message;
        SipcRequest original = legacyByCoreKey.get(key(response));
        if (original == null) {
            return unpaired("SIP " + response.getStatusCode(), "SIP-C "
                    + StatusRule.forSip(response.getStatusCode()).sipcStatus(sipVersion));
        }
        Translation t = CoreToLegacy.toLegacy(response, original, new CoreContext(user(sidOr(DEFAULT_SID),
                original.version()), domain, gateway, ids, clock, directory, correlation));
        if (t instanceof Translation.ToLegacy legacy) {
            correlation = legacy.correlation();
        }
        return Step.of(t);
    }

    private static Step unpaired(String what, String becomes) {
        return new Step(Optional.empty(), "its request is not earlier in the input; the status alone maps " + what
                + " -> " + becomes);
    }

    /** The sid of the user a core request is for: the recipient if the directory knows them, else the sender. */
    private String userOfCore(ToHeader to, Request request) {
        Optional<String> recipient = identities.byCore(to.getAddress().getURI().toString()).map(Identity::sid);
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        return recipient.or(() -> identities.byCore(from.getAddress().getURI().toString()).map(Identity::sid))
                .orElse(DEFAULT_SID);
    }

    private String sidOr(String sid) {
        return fixedSid != null ? fixedSid : sid;
    }

    private LegacyUser user(String sid, SipcVersion version) {
        return new LegacyUser(sid, directory.bySid(sid).flatMap(Identity::userId), version);
    }

    private void remember(SipcRequest legacy, Request core) {
        coreByLegacyKey.putIfAbsent(key(legacy), core);
        legacyByCoreKey.put(key(core), legacy);
    }

    private static String key(SipcMessage message) {
        return message.callId().orElse("") + ' ' + message.cseq().map(Object::toString).orElse("");
    }

    private static String key(Message message) {
        CallIdHeader callId = (CallIdHeader) message.getHeader(CallIdHeader.NAME);
        CSeqHeader cseq = (CSeqHeader) message.getHeader(CSeqHeader.NAME);
        return (callId == null ? "" : callId.getCallId()) + ' '
                + (cseq == null ? "" : cseq.getSeqNumber() + " " + cseq.getMethod());
    }
}
