package dev.cairn.server.cli.admin;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.trust.token.OperatorScope;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code admin audit export|checkpoint}. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Export audit bundles and publish checkpoints.",
        subcommands = {AuditCommands.Export.class, AuditCommands.Checkpoint.class})
final class AuditCommands implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return AdminCommand.usage(spec);
    }

    /** {@code admin audit export --first N --count N --out FILE [--trust-bundle-out FILE]}. */
    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Stream the audit bundle of markers FIRST..FIRST+COUNT-1 to a file.")
    static final class Export extends AdminCall {
        @Option(names = "--first", required = true, paramLabel = "N", description = "The first marker.")
        long first;

        @Option(names = "--count", required = true, paramLabel = "N", description = "How many markers.")
        long count;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where the bundle goes.")
        Path out;

        @Option(
                names = "--trust-bundle-out",
                paramLabel = "FILE",
                description = "Also write the server's trust bundle (JWKS), as authenticated here, for cairn-verify.")
        Path trustBundleOut;

        @Override
        Set<OperatorScope> scopes() {
            return Set.of(OperatorScope.AUDIT_READ);
        }

        @Override
        void validate() {
            if (first < 0 || count < 1) {
                throw new MalformedInputException(
                        ErrorCode.HTTP_REQUEST_INVALID, "--first: want 0 or more; --count: want 1 or more");
            }
        }

        @Override
        int run(AdminClient client, PrintWriter stdout) throws IOException {
            long bytes = client.download("/v1/audit/bundle?first=" + first + "&count=" + count, out);
            stdout.println("wrote the audit bundle of markers " + first + " to " + (first + count - 1) + " to " + out
                    + " (" + bytes + " bytes)");
            String jwks = "TRUST_BUNDLE.jwks";
            if (trustBundleOut != null) {
                Path temp = Files.createTempFile(
                        trustBundleOut.toAbsolutePath().getParent(), trustBundleOut.getFileName() + ".", ".part");
                Files.write(temp, client.trust().jwks().toByteArray());
                Files.move(temp, trustBundleOut, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                jwks = trustBundleOut.toString();
                stdout.println("wrote the trust bundle to " + trustBundleOut);
            }
            stdout.println("check it with:");
            stdout.println("  cairn-verify bundle --trust-bundle " + jwks + " --log-id "
                    + client.trust().logId() + " " + out);
            return AdminExit.OK;
        }
    }

    /** {@code admin audit checkpoint --out FILE}. */
    @Command(
            name = "checkpoint",
            mixinStandardHelpOptions = true,
            description = "Have the server sign a checkpoint of its log now, and write it (COSE_Sign1) to a file.")
    static final class Checkpoint extends AdminCall {
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where the checkpoint goes.")
        Path out;

        @Override
        Set<OperatorScope> scopes() {
            return Set.of(OperatorScope.AUDIT_READ);
        }

        @Override
        int run(AdminClient client, PrintWriter stdout) throws IOException {
            byte[] checkpoint = client.postForBytes("/v1/audit/checkpoint", 201);
            Path temp = Files.createTempFile(out.toAbsolutePath().getParent(), out.getFileName() + ".", ".part");
            Files.write(temp, checkpoint);
            Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            stdout.println("published a checkpoint of log " + client.trust().logId() + "; wrote it to " + out + " ("
                    + checkpoint.length + " bytes)");
            return AdminExit.OK;
        }
    }
}
