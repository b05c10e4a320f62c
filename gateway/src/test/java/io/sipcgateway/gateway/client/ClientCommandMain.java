package io.sipcgateway.gateway.client;

import picocli.CommandLine;

/**
 * Runs the {@code client} command on its own, until the integration registers it under {@code sipc-gateway}:
 * {@code java -cp <test class path> io.sipcgateway.gateway.client.ClientCommandMain --server ... }.
 */
public final class ClientCommandMain {
    private ClientCommandMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return new CommandLine(new ClientCommand()).execute(args);
    }
}
