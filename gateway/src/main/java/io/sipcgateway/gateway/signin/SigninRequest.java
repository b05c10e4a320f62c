package io.sipcgateway.gateway.signin;

import io.netty.handler.codec.http.HttpMethod;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One request to a sign-in endpoint, copied out of Netty's objects: method, request target, the (small, bounded)
 * body, and both ends of the connection.
 */
record SigninRequest(HttpMethod method, String uri, byte[] body, InetSocketAddress local, InetSocketAddress remote) {
    SigninRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
    }

    /**
     * The path of the request target, undecoded and without the query; an absolute-form target
     * ({@code http://host/path}) is reduced to its path.
     */
    String path() {
        int query = uri.indexOf('?');
        String target = query < 0 ? uri : uri.substring(0, query);
        int scheme = target.indexOf("://");
        if (!target.startsWith("/") && scheme > 0) {
            int slash = target.indexOf('/', scheme + 3);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        return target;
    }

    /** The client's IP address, for logs. */
    String remoteIp() {
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    @Override
    public String toString() {
        // the request target may carry a v2 password (pwd=) or a v4 digest: never print it
        return "SigninRequest[" + method + " from " + remoteIp() + "]";
    }
}
