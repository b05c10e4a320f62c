package io.sipcgateway.gateway.inspect.admin;

import java.util.List;
import java.util.Objects;

/**
 * What {@code GET /health} answers: named checks (core reachable, each listener up). Healthy, and so a 200, only
 * when every check is up; otherwise a 503 so a load balancer or orchestrator stops sending clients here.
 *
 * @param checks in the order they are reported
 */
public record HealthReport(List<Check> checks) {
    public HealthReport {
        checks = List.copyOf(checks);
    }

    public static HealthReport of(Check... checks) {
        return new HealthReport(List.of(checks));
    }

    /** True when every check is up (and vacuously when there are none). */
    public boolean healthy() {
        return checks.stream().allMatch(Check::up);
    }

    /**
     * One thing that must work for the gateway to serve clients.
     *
     * @param name short and stable, e.g. {@code core} or {@code legacy-listener}
     * @param up whether it works now
     * @param detail a human-readable how or why, e.g. the address or the last error
     */
    public record Check(String name, boolean up, String detail) {
        public Check {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(detail, "detail");
        }

        public static Check up(String name, String detail) {
            return new Check(name, true, detail);
        }

        public static Check down(String name, String detail) {
            return new Check(name, false, detail);
        }
    }
}
