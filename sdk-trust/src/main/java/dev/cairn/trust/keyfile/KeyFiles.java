package dev.cairn.trust.keyfile;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.internal.Certificates;
import dev.cairn.trust.internal.JcaKeys;
import dev.cairn.trust.internal.Pem;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.util.BigIntegers;

/**
 * Key and certificate files ({@code spec/ca.md}, "Key files").
 *
 * <p>A private key file is one PEM block {@code PRIVATE KEY} holding PKCS#8 (RFC 5208 / 5958), Ed25519
 * or P-256. It is created with permissions {@code rw-------} from the first byte (never chmod-ed
 * later), written crash-safely (temporary file in the same directory, write, fsync, hard link to the
 * final name, which never replaces an existing file, fsync the directory), and read only if no one but
 * the owner can read or write it. Reading or writing private key bytes needs the explicit
 * insecure-access token. Certificate files hold 1 to {@link #MAX_CERTIFICATES} {@code CERTIFICATE}
 * blocks, written the same crash-safe way with {@code rw-r--r--}.
 */
public final class KeyFiles {
    /** Largest key or certificate file read, in bytes. */
    public static final int MAX_FILE_BYTES = 64 * 1024;

    /** Most certificates in one certificate file. */
    public static final int MAX_CERTIFICATES = 8;

    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> PUBLIC_READ = PosixFilePermissions.fromString("rw-r--r--");

    private KeyFiles() {}

    /**
     * Writes a private key file that must not exist yet.
     *
     * @param file the file to create
     * @param key the key
     * @param access the explicit token for the private bytes
     * @throws VerificationException {@link ErrorCode#KEYFILE_EXISTS} if the file exists
     * @throws InternalException {@link ErrorCode#INTERNAL_IO} if writing fails
     */
    public static void writePrivateKey(Path file, SigningKey key, InsecureSecretKeyAccess access) {
        byte[] pkcs8 = pkcs8(key, access);
        try {
            write(file, Pem.encode("PRIVATE KEY", pkcs8).getBytes(StandardCharsets.US_ASCII), OWNER_ONLY);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /**
     * The PKCS#8 encoding: version 1 (RFC 5208), without the optional public key of version 2, which
     * OpenSSL 3.0 does not read for Ed25519.
     */
    private static byte[] pkcs8(SigningKey key, InsecureSecretKeyAccess access) {
        if (key.type() != KeyType.ED25519) {
            return JcaKeys.privateKey(key, access).getEncoded();
        }
        byte[] seed = key.privateKeyBytes(access);
        try {
            return new PrivateKeyInfo(
                            new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519), new DEROctetString(seed))
                    .getEncoded();
        } catch (IOException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "PKCS#8 encoding: " + e.getMessage(), e);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /**
     * Reads a private key file.
     *
     * @param file the file
     * @param access the explicit token for the private bytes
     * @return the key
     * @throws VerificationException {@link ErrorCode#KEYFILE_PERMISSIONS} if group or others may read or
     *     write it; {@link ErrorCode#KEYFILE_KEY_UNSUPPORTED} for a key that is not Ed25519 or P-256
     * @throws MalformedInputException {@link ErrorCode#KEYFILE_MALFORMED} if it is not one PKCS#8 PEM
     *     block
     */
    public static SigningKey readPrivateKey(Path file, InsecureSecretKeyAccess access) {
        Objects.requireNonNull(access, "access");
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                throw VerificationException.mismatch(
                        ErrorCode.KEYFILE_PERMISSIONS,
                        "rw------- or stricter",
                        PosixFilePermissions.toString(permissions));
            }
        } catch (IOException e) {
            throw io("read permissions of " + file, e);
        }
        byte[] pkcs8 = Pem.single(read(file), "PRIVATE KEY", ErrorCode.KEYFILE_MALFORMED);
        AsymmetricKeyParameter params;
        try {
            params = PrivateKeyFactory.createKey(PrivateKeyInfo.getInstance(pkcs8));
        } catch (IOException | RuntimeException e) {
            throw new MalformedInputException(ErrorCode.KEYFILE_MALFORMED, "not a PKCS#8 private key: " + file);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
        if (params instanceof Ed25519PrivateKeyParameters ed) {
            return SigningKey.fromPrivateKeyBytes(KeyType.ED25519, ed.getEncoded(), access);
        }
        if (params instanceof ECPrivateKeyParameters ec
                && ec.getParameters().getCurve().equals(p256Curve())) {
            BigInteger d = ec.getD();
            return SigningKey.fromPrivateKeyBytes(KeyType.P256, BigIntegers.asUnsignedByteArray(32, d), access);
        }
        throw new VerificationException(
                ErrorCode.KEYFILE_KEY_UNSUPPORTED, "the key in " + file + " is not Ed25519 or P-256");
    }

    /**
     * Writes a certificate file (a chain, leaf first) that must not exist yet.
     *
     * @param file the file to create
     * @param certificates 1 to {@link #MAX_CERTIFICATES} certificates
     * @throws VerificationException {@link ErrorCode#KEYFILE_EXISTS} if the file exists
     */
    public static void writeCertificates(Path file, List<X509Certificate> certificates) {
        if (certificates.isEmpty() || certificates.size() > MAX_CERTIFICATES) {
            throw new IllegalArgumentException("1 to " + MAX_CERTIFICATES + " certificates");
        }
        StringBuilder pem = new StringBuilder();
        try {
            for (X509Certificate certificate : certificates) {
                pem.append(Pem.encode("CERTIFICATE", certificate.getEncoded()));
            }
        } catch (CertificateEncodingException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "certificate encoding: " + e.getMessage(), e);
        }
        write(file, pem.toString().getBytes(StandardCharsets.US_ASCII), PUBLIC_READ);
    }

    /**
     * Reads a certificate file.
     *
     * @param file the file
     * @return the certificates in file order
     * @throws MalformedInputException {@link ErrorCode#CERT_MALFORMED} if it is not 1 to {@link
     *     #MAX_CERTIFICATES} strict certificates
     */
    public static List<X509Certificate> readCertificates(Path file) {
        List<byte[]> blocks = Pem.all(read(file), "CERTIFICATE", ErrorCode.CERT_MALFORMED, MAX_CERTIFICATES);
        if (blocks.isEmpty()) {
            throw new MalformedInputException(ErrorCode.CERT_MALFORMED, "no certificate in " + file);
        }
        List<X509Certificate> out = new ArrayList<>(blocks.size());
        blocks.forEach(der -> out.add(Certificates.fromDer(der)));
        return List.copyOf(out);
    }

    private static byte[] read(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new MalformedInputException(
                        ErrorCode.KEYFILE_MALFORMED, file + ": " + size + " bytes, want at most " + MAX_FILE_BYTES);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw io("read " + file, e);
        }
    }

    private static void write(Path file, byte[] content, Set<PosixFilePermission> permissions) {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(
                    dir, "." + file.getFileName(), ".tmp", PosixFilePermissions.asFileAttribute(permissions));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.createLink(file, temp);
            Files.delete(temp);
            temp = null;
            try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
                directory.force(true);
            }
        } catch (FileAlreadyExistsException e) {
            throw new VerificationException(ErrorCode.KEYFILE_EXISTS, file + " exists; key files are never replaced");
        } catch (IOException e) {
            throw io("write " + file, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The write already failed; a leftover temporary file is harmless and has owner-only mode.
                }
            }
        }
    }

    private static org.bouncycastle.math.ec.ECCurve p256Curve() {
        return org.bouncycastle.asn1.x9.ECNamedCurveTable.getByName("P-256").getCurve();
    }

    private static InternalException io(String what, IOException e) {
        return new InternalException(ErrorCode.INTERNAL_IO, what + ": " + e.getMessage(), e);
    }
}
