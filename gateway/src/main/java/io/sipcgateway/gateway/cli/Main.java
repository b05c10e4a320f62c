package io.sipcgateway.gateway.cli;

import io.sipcgateway.gateway.client.ClientCommand;
import io.sipcgateway.gateway.load.GenerateAccountsCommand;
import io.sipcgateway.gateway.load.LoadCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sipc-gateway} command; each function is a subcommand registered here.
 */
@Command(name = "sipc-gateway", mixinStandardHelpOptions = true, version = "sipc-gateway 0.1.0",
        description = "Bridges legacy Fetion SIP-C clients to a SIP/SIMPLE core.",
        subcommands = {RunCommand.class, ClientCommand.class, LoadCommand.class, GenerateAccountsCommand.class,
            InspectCommand.class, TranslateCommand.class, HashPasswordCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        CommandLine commandLine = commandLine();
        int exit = commandLine.execute(args);
        commandLine.getOut().flush(); // picocli's writers flush on println only; System.exit would lose the rest
        commandLine.getErr().flush();
        System.exit(exit);
    }

    /** The command tree; tests call {@code execute} on it with their own output streams. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    @Override
    public void run() {
        // No subcommand given: say what there is.
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
