package io.sipcgateway.gateway.signin;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.sipcgateway.gateway.accounts.Account;
import io.sipcgateway.gateway.accounts.FetionUri;
import java.time.Duration;

/**
 * The SSI answers (sections 7.1, 7.2 step 1): the HTTP status equals the body's {@code status-code}, a success sets
 * the {@code ssic} cookie and has {@code <user>} as the first child of {@code <results>} (libofetion, section 7.3).
 */
final class SsiAnswers {
    /** The {@code user-status} of every captured success. */
    static final String USER_STATUS = "101";
    /** The real SSI's "too many wrong passwords" answer (MapleFetion {@code SSISignV4}); SIP-C names 421 so too. */
    static final HttpResponseStatus VERIFICATION_REQUIRED = new HttpResponseStatus(421, "Extension Required");
    static final String LOCKOUT_ALGORITHM = "picc-PasswordErrorMax";

    private SsiAnswers() {
    }

    /**
     * v4: {@code <results status-code="200"><user uri mobile-no user-status user-id><credentials><credential
     * domain="fetion.com.cn" c/></credentials></user></results>} (FIXTURE).
     */
    static HttpAnswer v4SignedIn(Account account, String ssic, String credential) {
        String xml = SigninXml.document(out -> {
            out.writeStartElement("results");
            out.writeAttribute("status-code", "200");
            out.writeStartElement("user");
            out.writeAttribute("uri", account.fetionUri());
            out.writeAttribute("mobile-no", account.mobile().orElse(""));
            out.writeAttribute("user-status", USER_STATUS);
            out.writeAttribute("user-id", account.userId());
            out.writeStartElement("credentials");
            out.writeEmptyElement("credential");
            out.writeAttribute("domain", FetionUri.DOMAIN);
            out.writeAttribute("c", credential);
            out.writeEndElement();
            out.writeEndElement();
            out.writeEndElement();
        });
        return HttpAnswer.xml(HttpResponseStatus.OK, xml).withSsic(ssic);
    }

    /** v2: {@code <results status-code="200"><user uri mobile-no user-status/></results>} (PF2, PY). */
    static HttpAnswer v2SignedIn(Account account, String ssic) {
        String xml = SigninXml.document(out -> {
            out.writeStartElement("results");
            out.writeAttribute("status-code", "200");
            out.writeEmptyElement("user");
            out.writeAttribute("uri", account.fetionUri());
            out.writeAttribute("mobile-no", account.mobile().orElse(""));
            out.writeAttribute("user-status", USER_STATUS);
            out.writeEndElement();
        });
        return HttpAnswer.xml(HttpResponseStatus.OK, xml).withSsic(ssic);
    }

    /** {@code <results status-code="N"/>}: 400, 401 (password), 404 (no such user). */
    static HttpAnswer failure(HttpResponseStatus status) {
        String xml = SigninXml.document(out -> {
            out.writeEmptyElement("results");
            out.writeAttribute("status-code", Integer.toString(status.code()));
        });
        return HttpAnswer.xml(status, xml);
    }

    /**
     * 421 with {@code <verification algorithm="picc-PasswordErrorMax" type="GeneralPic" text tips/>}: the account is
     * locked out ({@code LoginGuard}). The real SSI then wanted a captcha; the gateway serves none and keeps
     * answering this until the lockout {@code window} has passed since the last failure.
     */
    static HttpAnswer lockedOut(Duration window) {
        String xml = SigninXml.document(out -> {
            out.writeStartElement("results");
            out.writeAttribute("status-code", Integer.toString(VERIFICATION_REQUIRED.code()));
            out.writeEmptyElement("verification");
            out.writeAttribute("algorithm", LOCKOUT_ALGORITHM);
            out.writeAttribute("type", "GeneralPic");
            out.writeAttribute("text", "Too many wrong passwords");
            out.writeAttribute("tips", "Try again " + window.toMinutes() + " minutes after the last attempt");
            out.writeEndElement();
        });
        return HttpAnswer.xml(VERIFICATION_REQUIRED, xml);
    }
}
