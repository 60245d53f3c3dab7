package dev.cairn.server.pki;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.server.config.ServerConfig;
import dev.cairn.trust.ca.CertificateAuthority;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.ca.SerialLedger;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.keyfile.KeyFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Creates the server's PKI at first start ({@code spec/server.md}, section 3), all or nothing:
 * everything is written into a fresh {@code pki.init-<random>} directory, which is renamed to {@code
 * pki} only once complete and forced. Leftovers of an interrupted initialisation are deleted first.
 */
final class FirstStart {
    private FirstStart() {}

    /**
     * Initialises when {@code pki/} is absent.
     *
     * @return true when this call initialised
     */
    static boolean ensure(
            ServerConfig config,
            PkiLayout layout,
            SerialLedger serials,
            SecureRandom random,
            Clock clock,
            PrintStream notices) {
        try {
            ensureDataDir(layout.dataDir());
            deleteLeftovers(layout.dataDir());
            if (Files.isDirectory(layout.pki())) {
                return false;
            }
            byte[] suffix = new byte[8];
            random.nextBytes(suffix);
            Path init = layout.dataDir()
                    .resolve(PkiLayout.INIT_PREFIX + HexFormat.of().formatHex(suffix));
            Files.createDirectory(
                    init, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            boolean offlineRootWritten = create(config, layout, init, serials, random, clock);
            AtomicFiles.forceDirectory(init);
            Files.move(init, layout.pki(), StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.forceDirectory(layout.dataDir());
            if (offlineRootWritten) {
                notices.println("cairn-server: the root CA key is in " + layout.offlineRootKey()
                        + "; move it off this machine (the server never reads it)");
            }
            notices.println("cairn-server: initialised the "
                    + config.trustDomain().name() + " CA; the bootstrap admin credential is in "
                    + layout.adminCredential() + " (owner-only)");
            return true;
        } catch (IOException e) {
            throw new InternalException(ErrorCode.INTERNAL_IO, "first start failed: " + e.getMessage(), e);
        }
    }

    private static boolean create(
            ServerConfig config, PkiLayout layout, Path dir, SerialLedger serials, SecureRandom random, Clock clock)
            throws IOException {
        InsecureSecretKeyAccess access = InsecureSecretKeyAccess.get();
        KeyType type = config.ca().keyType();
        SigningKey rootKey = SigningKey.generate(type, random);
        SigningKey intermediateKey = SigningKey.generate(type, random);
        CertificateAuthority ca = CertificateAuthority.initialize(
                config.trustDomain(),
                rootKey,
                intermediateKey,
                config.ca().intermediateTtl(),
                serials,
                random,
                clock,
                access);
        KeyFiles.writeCertificates(
                PkiLayout.File.ROOT_CERT.in(dir), List.of(ca.chain().get(1)));
        KeyFiles.writeCertificates(
                PkiLayout.File.INTERMEDIATE_CERT.in(dir), List.of(ca.chain().get(0)));
        KeyFiles.writePrivateKey(PkiLayout.File.INTERMEDIATE_KEY.in(dir), intermediateKey, access);
        boolean offline = config.ca().offlineRoot();
        if (offline) {
            Path offlineDir = layout.offlineRootKey().getParent();
            Files.createDirectories(
                    offlineDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.deleteIfExists(layout.offlineRootKey());
            KeyFiles.writePrivateKey(layout.offlineRootKey(), rootKey, access);
        } else {
            KeyFiles.writePrivateKey(PkiLayout.File.ROOT_KEY.in(dir), rootKey, access);
        }
        SigningKey serverKey = SigningKey.generate(type, random);
        KeyFiles.writePrivateKey(PkiLayout.File.SERVER_KEY.in(dir), serverKey, access);
        KeyFiles.writeCertificates(
                PkiLayout.File.SERVER_CERT.in(dir),
                CertifiedKey.issue(ca, serverKey, CairnId.server(ca.trustDomain()), Profile.SERVICE));
        SigningKey logKey = SigningKey.generate(KeyType.ED25519, random);
        KeyFiles.writePrivateKey(PkiLayout.File.LOG_KEY.in(dir), logKey, access);
        KeyFiles.writeCertificates(
                PkiLayout.File.LOG_CERT.in(dir),
                CertifiedKey.issue(ca, logKey, ServerIdentities.logSigner(ca.trustDomain()), Profile.LOG_SIGNER));
        KeyFiles.writePrivateKey(
                PkiLayout.File.OPERATOR_TOKEN_KEY.in(dir), SigningKey.generate(KeyType.ED25519, random), access);
        byte[] hmac = new byte[32];
        random.nextBytes(hmac);
        AtomicFiles.replace(
                PkiLayout.File.JOIN_TOKEN_HMAC.in(dir),
                HexFormat.of().formatHex(hmac).getBytes(StandardCharsets.US_ASCII));
        AdminCredential admin = AdminCredential.generate(random);
        AtomicFiles.replace(
                PkiLayout.File.ADMIN_CREDENTIAL_HASH.in(dir),
                admin.hash().toHex().getBytes(StandardCharsets.US_ASCII));
        AtomicFiles.replace(
                PkiLayout.File.TRUST_DOMAIN.in(dir), config.trustDomain().name().getBytes(StandardCharsets.US_ASCII));
        AtomicFiles.replace(layout.adminCredential(), (admin.reveal() + "\n").getBytes(StandardCharsets.US_ASCII));
        return offline;
    }

    static void ensureDataDir(Path dataDir) throws IOException {
        if (!Files.exists(dataDir)) {
            Files.createDirectories(
                    dataDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            return;
        }
        if (!Files.isDirectory(dataDir)) {
            throw new dev.cairn.errors.MalformedInputException(
                    ErrorCode.CONFIG_INVALID, "server.data_dir " + dataDir + " is not a directory");
        }
        var permissions = Files.getPosixFilePermissions(dataDir);
        if (permissions.contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE)
                || permissions.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE)) {
            throw new dev.cairn.errors.MalformedInputException(
                    ErrorCode.CONFIG_UNSAFE,
                    "server.data_dir " + dataDir + " may be written by group or others; chmod 700 it");
        }
    }

    private static void deleteLeftovers(Path dataDir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dataDir, PkiLayout.INIT_PREFIX + "*")) {
            for (Path leftover : entries) {
                try (Stream<Path> walk = Files.walk(leftover)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }
}
