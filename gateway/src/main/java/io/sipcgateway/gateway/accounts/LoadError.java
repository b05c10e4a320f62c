package io.sipcgateway.gateway.accounts;

import java.util.Objects;

/**
 * One problem in an accounts file: {@code accounts.yaml line 7: accounts[1].sid: expected digits, got 'abc'}.
 *
 * @param line 1-based; 0 when the problem has no line (the file cannot be read)
 * @param path the field, e.g. {@code accounts[1].buddies[0].lists[2]}; empty for the whole file
 */
public record LoadError(String source, int line, String path, String message) {
    public LoadError {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return source + (line > 0 ? " line " + line : "") + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
