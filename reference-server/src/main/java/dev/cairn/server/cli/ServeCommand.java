package dev.cairn.server.cli;

import dev.cairn.server.app.ServerApp;
import dev.cairn.server.config.ConfigLoader;
import dev.cairn.server.config.ServerConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cairn-server serve}: validates the configuration, starts the server, prints where it listens
 * and the root fingerprint agents pin, and runs until the process is told to stop (SIGTERM, SIGINT),
 * then closes everything in order.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run the server (first start initialises the CA and the admin credential).")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "The JSON configuration file (spec/server.md); CAIRN_SERVER_* variables override it.")
    Path config;

    @Option(
            names = "--ready-file",
            paramLabel = "FILE",
            description = "Write the listening port to FILE once the server accepts connections (for scripts).")
    Path readyFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ServerConfig loaded = ConfigLoader.load(
                Optional.ofNullable(config), System.getenv(), Path.of("").toAbsolutePath());
        ServerApp app = ServerApp.start(loaded, Clock.systemUTC(), System.err);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            app.close();
                            stopped.countDown();
                        },
                        "cairn-server-stop"));
        out.println("cairn-server: listening on https://" + loaded.listen().host() + ":" + app.port()
                + " (trust domain " + loaded.trustDomain().name() + ")");
        out.println("cairn-server: CA fingerprint for agents: " + app.pki().rootFingerprint());
        out.println("cairn-server: store " + app.database().engine() + ": "
                + app.database().durability());
        out.flush();
        if (readyFile != null) {
            java.nio.file.Files.writeString(readyFile, Integer.toString(app.port()));
        }
        stopped.await();
        return Exits.OK;
    }
}
