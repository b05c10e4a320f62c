package io.sipcgateway.mapping;

import io.sipcgateway.mapping.identity.Identities;
import io.sipcgateway.mapping.im.IsComposing;
import io.sipcgateway.mapping.table.HeaderRule;
import io.sipcgateway.sipc.SipcBody;
import io.sipcgateway.sipc.SipcCSeq;
import io.sipcgateway.sipc.SipcHeaderName;
import io.sipcgateway.sipc.SipcHeaders;
import io.sipcgateway.sipc.SipcMethod;
import io.sipcgateway.sipc.SipcRequest;
import io.sipcgateway.sipc.SipcVersion;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sip.InvalidArgumentException;
import javax.sip.message.Request;

/**
 * {@code M} ↔ MESSAGE (RFC 3428; reference section 6.1). In-session messages and {@code N: CatMsg} both become
 * page-mode MESSAGEs to the peer; the SMS forms ({@code SendCatSMS}, {@code SendSMS}, {@code SendDirectCatSMS}) a
 * text/plain MESSAGE to the buddy's or the {@code tel:} address, answered {@code 280} (see
 * {@link ResponseMapping}). Lost toward the core: {@code N: CatMsg} (session or not makes no difference to a
 * page-mode MESSAGE), {@code K: SaveHistory}/{@code NewEmotion}, {@code SV}. Other {@code N} forms
 * ({@code system-message}, {@code PGSendCatSMS}) are answered 501.
 */
final class MessageMapping {
    static final Set<String> SMS_FORMS = Set.of("SendCatSMS", "SendSMS", "SendDirectCatSMS");
    private static final Set<String> IM_FORMS = Set.of("CatMsg");
    private static final String DIRECT_SMS = "SendDirectCatSMS";

    private MessageMapping() {
    }

    static Translation toCore(SipcRequest m, LegacyContext ctx) throws ParseException, InvalidArgumentException {
        Optional<String> form = m.event();
        boolean sms = form.filter(SMS_FORMS::contains).isPresent();
        if (form.isPresent() && !sms && !IM_FORMS.contains(form.get())) {
            return Sipc.reply(m, 501, "M N: " + form.get() + " has no core equivalent");
        }
        Parties.Either parties = Parties.of(m, ctx);
        Optional<SipcCSeq> cseq = m.cseq();
        if (!parties.ok() || cseq.isEmpty() || m.callId().isEmpty()) {
            return Sipc.reply(m, parties.ok() ? 400 : 404, parties.ok() ? "M without I or Q" : parties.problem());
        }
        Optional<ImBodies.Typed> body = sms ? ImBodies.toSip(Optional.empty(), m.body())
                : ImBodies.toSip(m.header(SipcHeaderName.CONTENT_TYPE), m.body());
        if (body.isEmpty()) {
            return Sipc.reply(m, 400, "M body of an unknown type: " + m.header(SipcHeaderName.CONTENT_TYPE));
        }
        Parties p = parties.parties();
        Dialogs.Opened opened = Dialogs.fromLegacy(m.callId().get(), p.peer(), ctx, ctx.correlation());
        Sip.Dialog dialog = new Sip.Dialog(opened.link().sipCallId(), p.from(), opened.link().localTag(), p.to(),
                Optional.empty(), cseq.get().number());
        Request message = Sip.request(Request.MESSAGE, p.to(), dialog, ctx);
        copyToSip(m, message, ctx, HeaderRule.DATE, HeaderRule.MESSAGE_ID);
        Sip.body(message, body.get().contentType(), body.get().bytes());
        return new Translation.ToCore(List.of(message), opened.correlation());
    }

    /**
     * A MESSAGE as the legacy {@code M}: from the context user, the client's own form ({@code M fetion.com.cn},
     * SMS form toward a {@code tel:} URI); otherwise a push to the user ({@code M <sid>}) with {@code D} and
     * {@code XI} as the real server sent them (section 6.1, WIRE sample 67), from the clock and id generator when
     * the core gave none.
     */
    static Translation toLegacy(Request message, CoreContext ctx) {
        String type = HeaderRule.Value.mediaType(Sip.value(message, "Content-Type").orElse(ImBodies.TEXT_PLAIN));
        if (type.equals(IsComposing.CONTENT_TYPE) || type.equals(IsComposing.VENDOR_CONTENT_TYPE)) {
            return InfoMapping.toLegacy(message, type, ctx);
        }
        Values values = Values.of(ctx);
        Parties.CoreEither resolved = Parties.Core.of(message, ctx);
        if (resolved.parties() == null) {
            return resolved.problem();
        }
        Parties.Core parties = resolved.parties();
        String fromUri = parties.fromUri();
        String toUri = parties.toUri();
        boolean clientForm = parties.clientForm();
        String contentType = Sip.value(message, "Content-Type").orElse(ImBodies.TEXT_PLAIN);
        boolean sms = clientForm && toUri.regionMatches(true, 0, "tel:", 0, 4);
        Optional<ImBodies.Typed> body = sms ? Optional.of(new ImBodies.Typed("", Sip.content(message)))
                : ImBodies.toSipc(contentType, Sip.content(message));
        if (body.isEmpty()) {
            return new Translation.ReplyToCore(415, "Unsupported Media Type: " + contentType);
        }
        String peer = clientForm ? toUri : fromUri;
        Dialogs.Opened opened = Dialogs.fromCore(Sip.value(message, "Call-ID").orElse(""), peer,
                Optional.empty(), Optional.empty(), ctx);
        SipcHeaders.Builder headers = SipcHeaders.builder();
        headers.add(SipcHeaderName.FROM, clientForm ? ctx.user().sid() : parties.legacyFrom());
        headers.add(SipcHeaderName.CALL_ID, opened.link().legacyCallId());
        Sip.value(message, "CSeq").flatMap(q -> HeaderRule.CSEQ.toSipc(q, values))
                .ifPresent(q -> headers.add(SipcHeaderName.CSEQ, q));
        if (clientForm) {
            headers.add(SipcHeaderName.TO, parties.legacyTo());
        }
        if (!sms) {
            headers.add(SipcHeaderName.CONTENT_TYPE, body.get().contentType());
        } else if (SipcVersion.V2.equals(ctx.user().version())) {
            headers.add(SipcHeaderName.EVENT, "SendSMS");
        } else {
            // libofetion always sends SV: 1 with SendDirectCatSMS (section 3, LOCAL-RUN sample 42)
            headers.add(SipcHeaderName.SV, "1").add(SipcHeaderName.EVENT, DIRECT_SMS);
        }
        if (!clientForm) {
            headers.add(SipcHeaderName.DATE, Sip.value(message, "Date").orElseGet(() -> Sipc.date(ctx)));
            headers.add(SipcHeaderName.MESSAGE_ID, Sip.value(message, HeaderRule.MESSAGE_ID.sip())
                    .orElseGet(() -> ctx.ids().messageId()));
        }
        String target = clientForm ? Sipc.CLIENT_TARGET : Identities.sidOf(parties.legacyTo()).orElse(ctx.user().sid());
        SipcRequest m = new SipcRequest(SipcMethod.M, target, ctx.user().version(), headers.build(),
                SipcBody.wrap(body.get().bytes()));
        return new Translation.ToLegacy(List.of(m), opened.correlation());
    }

    /** Copies the headers of {@code rules} present on {@code from}, converted through the header table. */
    static void copyToSip(SipcRequest from, Request to, TranslationContext ctx, HeaderRule... rules)
            throws ParseException {
        Values values = Values.of(ctx);
        for (HeaderRule rule : rules) {
            for (String value : from.headers().all(rule.sipc())) {
                Optional<String> sip = rule.toSip(value, values);
                if (sip.isPresent()) {
                    Sip.add(to, rule.sip(), sip.get());
                }
            }
        }
    }
}
