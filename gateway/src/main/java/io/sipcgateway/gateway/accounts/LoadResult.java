package io.sipcgateway.gateway.accounts;

import java.util.List;
import java.util.Objects;

/** What {@link AccountDirectoryLoader} returns: the directory, or every problem found (up to a cap). */
public sealed interface LoadResult permits LoadResult.Loaded, LoadResult.Failed {

    record Loaded(AccountDirectory directory) implements LoadResult {
        public Loaded {
            Objects.requireNonNull(directory, "directory");
        }
    }

    /**
     * @param errors the first {@link AccountDirectoryLoader#MAX_ERRORS} problems, in file order per pass
     * @param total how many problems there were in all
     */
    record Failed(List<LoadError> errors, int total) implements LoadResult {
        public Failed {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a failed load has at least one error");
            }
        }

        /** One line per error, plus a count of those left out. */
        public String describe() {
            StringBuilder out = new StringBuilder();
            for (LoadError error : errors) {
                out.append(error).append('\n');
            }
            if (total > errors.size()) {
                out.append("... and ").append(total - errors.size()).append(" more\n");
            }
            return out.toString();
        }
    }
}
