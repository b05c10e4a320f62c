package io.sipcgateway.gateway.accounts;

import java.util.ArrayList;
import java.util.List;

/** Collects load errors for one file, keeping the first {@code cap} and counting the rest. */
final class LoadErrors {
    private final String source;
    private final int cap;
    private final List<LoadError> errors = new ArrayList<>();
    private int total;

    LoadErrors(String source, int cap) {
        this.source = source;
        this.cap = cap;
    }

    void add(int line, String path, String message) {
        total++;
        if (errors.size() < cap) {
            errors.add(new LoadError(source, line, path, message));
        }
    }

    int total() {
        return total;
    }

    LoadResult.Failed toFailure() {
        return new LoadResult.Failed(errors, total);
    }
}
