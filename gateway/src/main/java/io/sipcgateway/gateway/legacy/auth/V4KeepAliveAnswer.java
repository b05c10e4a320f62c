package io.sipcgateway.gateway.legacy.auth;

/** The body of the {@code 200 OK} to {@code R N: KeepAlive} (section 1.4, sample 37): fresh credentials. */
public final class V4KeepAliveAnswer {
    private V4KeepAliveAnswer() {
    }

    public static String body(LoginCredentials credentials) {
        XmlWriter x = new XmlWriter().start("results");
        V4LoginAnswer.credentials(x, credentials);
        return x.end().toXml();
    }
}
