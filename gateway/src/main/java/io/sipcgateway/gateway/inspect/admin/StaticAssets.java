package io.sipcgateway.gateway.inspect.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The live view's files, read once from the class path at start: a fixed set of names, so a request path can never
 * reach anything else, and a missing file fails the start instead of the first page load.
 */
final class StaticAssets {
    private static final String BASE = "/io/sipcgateway/gateway/inspect/admin/";

    /** One file and the content type it is served with. */
    record Asset(byte[] bytes, String contentType) {
    }

    private final Map<String, Asset> byPath;

    private StaticAssets(Map<String, Asset> byPath) {
        this.byPath = byPath;
    }

    static StaticAssets load() {
        Map<String, Asset> byPath = new LinkedHashMap<>();
        Asset index = read("index.html", "text/html; charset=utf-8");
        byPath.put("/", index);
        byPath.put("/index.html", index);
        byPath.put("/app.js", read("app.js", "text/javascript; charset=utf-8"));
        byPath.put("/ladder.js", read("ladder.js", "text/javascript; charset=utf-8"));
        byPath.put("/style.css", read("style.css", "text/css; charset=utf-8"));
        return new StaticAssets(Map.copyOf(byPath));
    }

    Optional<Asset> get(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    private static Asset read(String name, String contentType) {
        try (InputStream in = StaticAssets.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("admin page resource missing from the class path: " + BASE + name);
            }
            return new Asset(in.readAllBytes(), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BASE + name, e);
        }
    }
}
