package dev.cairn.server.cli.admin;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cairn-server admin}: the operator's commands, over the server's API. */
@Command(
        name = "admin",
        mixinStandardHelpOptions = true,
        description = "Operate a running server: clusters, join tokens, join requests, nodes, audit.",
        subcommands = {
            ClusterCommands.class,
            TokenCommands.class,
            RequestCommands.class,
            NodeCommands.class,
            AuditCommands.class
        })
public final class AdminCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Picocli instantiates it. */
    public AdminCommand() {}

    @Override
    public Integer call() {
        return usage(spec);
    }

    static int usage(CommandSpec spec) {
        spec.commandLine().usage(spec.commandLine().getErr());
        return AdminExit.USAGE;
    }
}
