package dev.cairn.server.cli.admin;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.trust.bundle.TrustBundlePem;
import dev.cairn.trust.pin.CaFingerprint;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options every {@code admin} subcommand shares: where the server is, and how this machine
 * trusts it and authenticates to it.
 */
final class Connection {
    @Option(
            names = "--server",
            paramLabel = "https://HOST:PORT",
            defaultValue = "https://127.0.0.1:8443",
            description = "The server (default: ${DEFAULT-VALUE}).")
    String server;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "The server's data directory on this machine: admin.credential, pki/root.pem "
                    + "(pinned) and pki/intermediate.pem.")
    Path dataDir;

    @Option(
            names = "--credential-file",
            paramLabel = "FILE",
            description = "The admin credential file, when run away from the data directory.")
    Path credentialFile;

    @Option(
            names = "--ca-fingerprint",
            paramLabel = "sha256:HEX",
            description = "The root CA's SHA-256 fingerprint (cairn-server serve prints it), with --credential-file.")
    String caFingerprint;

    /** What the options resolve to; the credential is read only when it is about to be sent. */
    record Resolved(
            URI server, CaFingerprint pin, List<java.security.cert.X509Certificate> localCas, Path credential) {}

    Resolved resolve() {
        URI uri = serverUri(server);
        if (dataDir != null) {
            if (credentialFile != null || caFingerprint != null) {
                throw usage("--data-dir excludes --credential-file and --ca-fingerprint");
            }
            List<java.security.cert.X509Certificate> roots =
                    pem(dataDir.resolve("pki").resolve("root.pem"));
            List<java.security.cert.X509Certificate> cas =
                    pem(dataDir.resolve("pki").resolve("intermediate.pem"));
            if (roots.size() != 1) {
                throw usage("pki/root.pem: want one certificate, got " + roots.size());
            }
            return new Resolved(uri, CaFingerprint.of(roots.get(0)), cas, dataDir.resolve("admin.credential"));
        }
        if (credentialFile == null || caFingerprint == null) {
            throw usage("give --data-dir, or both --credential-file and --ca-fingerprint");
        }
        return new Resolved(
                uri, CaFingerprint.parse(caFingerprint, ErrorCode.CONFIG_INVALID), List.of(), credentialFile);
    }

    static String credential(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw usage("cannot read the admin credential file " + file + ": "
                    + e.getClass().getSimpleName());
        }
        if (!text.startsWith("cairn-admin_")) {
            throw usage("the file " + file + " does not hold an admin credential");
        }
        return text;
    }

    private static URI serverUri(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (java.net.URISyntaxException e) {
            throw usage("--server: want https://HOST:PORT, got " + text);
        }
        if (!"https".equals(uri.getScheme())
                || uri.getHost() == null
                || uri.getUserInfo() != null
                || uri.getQuery() != null
                || uri.getFragment() != null
                || !(uri.getRawPath() == null
                        || uri.getRawPath().isEmpty()
                        || uri.getRawPath().equals("/"))) {
            throw usage("--server: want https://HOST:PORT, got " + text);
        }
        return URI.create("https://" + uri.getRawAuthority() + "/");
    }

    private static List<java.security.cert.X509Certificate> pem(Path file) {
        try {
            return TrustBundlePem.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw usage("cannot read " + file + ": " + e.getClass().getSimpleName());
        }
    }

    private static MalformedInputException usage(String message) {
        return new MalformedInputException(ErrorCode.CONFIG_INVALID, message);
    }
}
