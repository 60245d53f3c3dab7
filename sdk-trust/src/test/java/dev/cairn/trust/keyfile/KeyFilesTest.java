package dev.cairn.trust.keyfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.keys.VerificationKey;
import dev.cairn.trust.internal.JcaKeys;
import dev.cairn.trust.support.OpenSsl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyFilesTest {
    private static final InsecureSecretKeyAccess ACCESS = InsecureSecretKeyAccess.get();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void aKeyFileIsOwnerOnlyFromTheStartReadsBackAndOpenSslAgrees(KeyType type) throws Exception {
        SigningKey key = SigningKey.generate(type, new SecureRandom());
        Path file = dir.resolve("node.key");
        KeyFiles.writePrivateKey(file, key, ACCESS);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        SigningKey read = KeyFiles.readPrivateKey(file, ACCESS);
        assertEquals(key.verificationKey(), read.verificationKey());
        OpenSsl.Result pub = OpenSsl.run(
                "pkey",
                "-in",
                file.toString(),
                "-pubout",
                "-outform",
                "DER",
                "-out",
                dir.resolve("node.pub").toString());
        assertTrue(pub.ok(), pub.output());
        assertEquals(
                key.verificationKey(),
                JcaKeys.verificationKey(SubjectPublicKeyInfo.getInstance(Files.readAllBytes(dir.resolve("node.pub")))));
        try (var listing = Files.list(dir)) {
            assertTrue(listing.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void keysMadeByOpenSslAreRead() throws Exception {
        for (String[] args : new String[][] {
            {"genpkey", "-algorithm", "ed25519"},
            {"genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"}
        }) {
            Path file = dir.resolve(args[2].toLowerCase() + ".pem");
            String[] command = java.util.Arrays.copyOf(args, args.length + 2);
            command[args.length] = "-out";
            command[args.length + 1] = file.toString();
            assertTrue(OpenSsl.run(command).ok());
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            SigningKey key = KeyFiles.readPrivateKey(file, ACCESS);
            OpenSsl.Result pub = OpenSsl.run("pkey", "-in", file.toString(), "-pubout");
            byte[] spki = Base64.getMimeDecoder()
                    .decode(pub.output()
                            .replace("-----BEGIN PUBLIC KEY-----", "")
                            .replace("-----END PUBLIC KEY-----", "")
                            .strip());
            VerificationKey fromOpenSsl = JcaKeys.verificationKey(SubjectPublicKeyInfo.getInstance(spki));
            assertEquals(fromOpenSsl, key.verificationKey());
        }
    }

    @Test
    void refusalsCarryTheirCodes() throws Exception {
        SigningKey key = SigningKey.generate(KeyType.ED25519, new SecureRandom());
        Path file = dir.resolve("k.pem");
        KeyFiles.writePrivateKey(file, key, ACCESS);
        assertEquals(ErrorCode.KEYFILE_EXISTS, fails(() -> KeyFiles.writePrivateKey(file, key, ACCESS)));
        assertEquals(
                key.verificationKey(), KeyFiles.readPrivateKey(file, ACCESS).verificationKey());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(ErrorCode.KEYFILE_PERMISSIONS, fails(() -> KeyFiles.readPrivateKey(file, ACCESS)));
        Path garbage = dir.resolve("garbage.pem");
        Files.writeString(
                garbage, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(garbage, PosixFilePermissions.fromString("rw-------"));
        assertEquals(ErrorCode.KEYFILE_MALFORMED, fails(() -> KeyFiles.readPrivateKey(garbage, ACCESS)));
        Path rsa = dir.resolve("rsa.pem");
        assertTrue(
                OpenSsl.run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", rsa.toString())
                        .ok());
        Files.setPosixFilePermissions(rsa, PosixFilePermissions.fromString("rw-------"));
        assertEquals(ErrorCode.KEYFILE_KEY_UNSUPPORTED, fails(() -> KeyFiles.readPrivateKey(rsa, ACCESS)));
        Path certs = dir.resolve("empty.pem");
        Files.writeString(certs, "\n");
        assertEquals(ErrorCode.CERT_MALFORMED, fails(() -> KeyFiles.readCertificates(certs)));
    }

    private static ErrorCode fails(Runnable action) {
        return assertThrows(CairnException.class, action::run).code();
    }
}
