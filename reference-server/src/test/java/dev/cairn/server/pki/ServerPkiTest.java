package dev.cairn.server.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.server.config.ConfigLoader;
import dev.cairn.server.config.ServerConfig;
import dev.cairn.trust.ca.FileSerialLedger;
import dev.cairn.trust.ca.SerialLedger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerPkiTest {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir
    Path dir;

    private SerialLedger ledger;
    private final ByteArrayOutputStream notices = new ByteArrayOutputStream();

    @AfterEach
    void close() {
        if (ledger != null) {
            ledger.close();
        }
    }

    private ServerConfig config(String domain, Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(extra);
        env.put("CAIRN_SERVER_SERVER_TRUST_DOMAIN", domain);
        env.put("CAIRN_SERVER_SERVER_DATA_DIR", dir.resolve("data").toString());
        return ConfigLoader.load(Optional.empty(), env, dir);
    }

    private ServerPki open(ServerConfig config, Instant now) {
        if (ledger == null) {
            ledger = FileSerialLedger.open(dir.resolve("serials"));
        }
        return ServerPki.open(
                config,
                ledger,
                new SecureRandom(),
                Clock.fixed(now, ZoneOffset.UTC),
                new PrintStream(notices, true, StandardCharsets.UTF_8));
    }

    @Test
    void firstStartCreatesEverythingOwnerOnlyAndTheSecondLoadsIt() throws Exception {
        ServerConfig config = config("demo.example", Map.of());
        ServerPki first = open(config, T0);
        Path data = config.dataDir();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
        try (Stream<Path> files = Files.list(data.resolve("pki"))) {
            for (Path file : files.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
                assertEquals(file.toString().endsWith(".pem") ? "rw-r--r--" : "rw-------", mode, file.toString());
            }
        }
        assertTrue(Files.exists(data.resolve("pki/root.key")));
        String credential = Files.readString(data.resolve("admin.credential")).strip();
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("admin.credential"))));
        assertTrue(first.isAdminCredential(credential));
        assertFalse(first.isAdminCredential(
                credential.substring(0, credential.length() - 1) + (credential.endsWith("A") ? "B" : "A")));
        assertFalse(notices.toString(StandardCharsets.UTF_8).contains(credential), "the credential is never printed");
        assertFalse(first.toString().contains(credential));

        ServerPki second = open(config, T0.plusSeconds(60));
        assertEquals(first.rootFingerprint(), second.rootFingerprint());
        assertEquals(first.tlsChain(), second.tlsChain());
        assertTrue(second.isAdminCredential(credential));
    }

    @Test
    void theTlsCertificateChainsToTheRootWithTheServerIdentity() throws Exception {
        ServerPki pki = open(config("demo.example", Map.of()), T0);
        List<X509Certificate> chain = pki.tlsChain();
        assertEquals(3, chain.size());
        assertEquals(pki.root(), chain.get(2));
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(pki.root(), null)));
        params.setRevocationEnabled(false);
        params.setDate(java.util.Date.from(T0.plusSeconds(5)));
        CertPathValidator.getInstance("PKIX")
                .validate(CertificateFactory.getInstance("X.509").generateCertPath(chain.subList(0, 2)), params);
        String uri = String.valueOf(
                chain.get(0).getSubjectAlternativeNames().iterator().next().get(1));
        assertEquals("cairn://demo.example/cluster/cairn-control/service/server", uri);
        assertEquals(pki.serverIdentity().uri(), uri);
        X509Certificate log = pki.logSigner().chain().get(0);
        assertEquals(
                "cairn://demo.example/log/audit",
                String.valueOf(
                        log.getSubjectAlternativeNames().iterator().next().get(1)));
        assertEquals(List.of("1.3.6.1.5.5.7.3.36"), log.getExtendedKeyUsage());
        assertEquals(pki.logKey().verificationKey(), dev.cairn.trust.ca.CertificateKeys.of(log));
    }

    @Test
    void anotherTrustDomainIsRefused() {
        open(config("demo.example", Map.of()), T0);
        MalformedInputException e =
                assertThrows(MalformedInputException.class, () -> open(config("other.example", Map.of()), T0));
        assertEquals(ErrorCode.CONFIG_STATE_MISMATCH, e.code());
    }

    @Test
    void anInterruptedInitialisationIsDiscarded() throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("pki.init-0011223344556677"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(data.resolve("pki.init-0011223344556677/root.key"), "torn");
        open(config("demo.example", Map.of()), T0);
        assertFalse(Files.exists(data.resolve("pki.init-0011223344556677")));
        assertTrue(Files.isDirectory(data.resolve("pki")));
    }

    @Test
    void anOfflineRootNeverStaysInPki() {
        ServerConfig config = config("demo.example", Map.of("CAIRN_SERVER_CA_OFFLINE_ROOT", "true"));
        open(config, T0);
        assertFalse(Files.exists(config.dataDir().resolve("pki/root.key")));
        assertTrue(Files.exists(config.dataDir().resolve("offline-root/root.key")));
        assertTrue(notices.toString(StandardCharsets.UTF_8).contains("move it off this machine"));
    }

    @Test
    void aDataDirectoryOthersMayWriteIsRefused() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
        MalformedInputException e =
                assertThrows(MalformedInputException.class, () -> open(config("demo.example", Map.of()), T0));
        assertEquals(ErrorCode.CONFIG_UNSAFE, e.code());
    }

    @Test
    void aDamagedKeyIsRefused() throws IOException {
        ServerConfig config = config("demo.example", Map.of());
        open(config, T0);
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        // Swap in the log key where the TLS key belongs: it is not the certificate's key.
        Path tls = config.dataDir().resolve("pki/server.key");
        Files.delete(tls);
        Files.copy(config.dataDir().resolve("pki/log.key"), tls);
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> open(config, T0));
        assertEquals(ErrorCode.CONFIG_STATE_MISMATCH, e.code());
    }

    @Test
    void theTlsCertificateIsRenewedPastItsRenewalPoint() throws IOException {
        ServerConfig config = config("demo.example", Map.of());
        ServerPki pki = open(config, T0);
        X509Certificate before = pki.tlsChain().get(0);
        assertFalse(pki.renewIfDue(new SecureRandom(), T0.plus(Duration.ofDays(10))));
        ServerPki later = open(config, T0.plus(Duration.ofDays(21)));
        X509Certificate after = later.tlsChain().get(0);
        assertNotEquals(before.getSerialNumber(), after.getSerialNumber());
        assertEquals(before.getPublicKey(), after.getPublicKey());
        ServerPki reread = open(config, T0.plus(Duration.ofDays(21)).plusSeconds(1));
        assertEquals(after, reread.tlsChain().get(0));
    }
}
