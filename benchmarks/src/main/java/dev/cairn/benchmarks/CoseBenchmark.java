package dev.cairn.benchmarks;

import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborText;
import dev.cairn.cose.CoseAlgorithm;
import dev.cairn.cose.CoseSign1;
import dev.cairn.cose.CoseSigner;
import dev.cairn.cose.CoseVerifier;
import dev.cairn.cose.VerifiedSign1;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * COSE_Sign1 signing and verification against the raw Bouncy Castle primitive on the same bytes, and
 * the JDK's SunEC provider as a reference, for Ed25519 (EdDSA, -8) and P-256 (ES256, -7).
 *
 * <p>The raw rows sign and verify exactly the {@code Sig_structure} bytes that the COSE path signs
 * (checked in setup: both paths produce the same deterministic signature), with the same Bouncy
 * Castle calls {@link SigningKey} makes. The difference between a COSE row and its raw row is
 * therefore Cairn's overhead: building the {@code Sig_structure}, copying, and encoding the message
 * (sign), or strictly decoding the message and its protected header and checking the headers (verify).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CoseBenchmark {
    private static final int PAYLOAD_LENGTH = 300;

    private byte[] payload;

    private CoseSigner ed25519Signer;
    private CoseVerifier ed25519Verifier;
    private byte[] ed25519Encoded;
    private byte[] ed25519ToBeSigned;
    private byte[] ed25519Signature;
    private Ed25519PrivateKeyParameters ed25519Private;
    private Ed25519PublicKeyParameters ed25519Public;

    private CoseSigner es256Signer;
    private CoseVerifier es256Verifier;
    private byte[] es256Encoded;
    private byte[] es256ToBeSigned;
    private byte[] es256Signature;
    private ECPrivateKeyParameters p256Private;
    private ECPublicKeyParameters p256Public;

    private Signature sunEcEd25519Signer;
    private Signature sunEcEd25519Verifier;
    private byte[] sunEcEd25519Signature;
    private Signature sunEcEs256Signer;
    private Signature sunEcEs256Verifier;
    private byte[] sunEcEs256Signature;

    /**
     * Creates fixed keys, signs the payload once per path, and checks that the raw and COSE paths sign
     * the same bytes.
     *
     * @throws GeneralSecurityException if SunEC is unavailable
     */
    @Setup
    public void setup() throws GeneralSecurityException {
        payload = new byte[PAYLOAD_LENGTH];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 13 + 5);
        }
        InsecureSecretKeyAccess access = InsecureSecretKeyAccess.get();

        byte[] ed25519Seed = fixedBytes(0x11);
        SigningKey ed25519Key = SigningKey.fromPrivateKeyBytes(KeyType.ED25519, ed25519Seed, access);
        ed25519Signer = CoseSigner.builder(ed25519Key).build();
        ed25519Verifier = CoseVerifier.builder()
                .key(ed25519Key.verificationKey())
                .allowAlgorithms(CoseAlgorithm.EDDSA)
                .build();
        CoseSign1 ed25519Message = ed25519Signer.sign(payload);
        ed25519Encoded = ed25519Message.encode();
        ed25519ToBeSigned = toBeSigned(ed25519Message);
        ed25519Private = new Ed25519PrivateKeyParameters(ed25519Seed);
        ed25519Public = ed25519Private.generatePublicKey();
        ed25519Signature = rawSignEd25519();
        checkSame("Ed25519", ed25519Message, ed25519Signature);
        ed25519Verifier.verify(ed25519Encoded);
        if (!rawVerifyEd25519()) {
            throw new IllegalStateException("raw Ed25519 verify failed");
        }

        byte[] p256Scalar = fixedBytes(0x01);
        SigningKey es256Key = SigningKey.fromPrivateKeyBytes(KeyType.P256, p256Scalar, access);
        es256Signer = CoseSigner.builder(es256Key).build();
        es256Verifier = CoseVerifier.builder()
                .key(es256Key.verificationKey())
                .allowAlgorithms(CoseAlgorithm.ES256)
                .build();
        CoseSign1 es256Message = es256Signer.sign(payload);
        es256Encoded = es256Message.encode();
        es256ToBeSigned = toBeSigned(es256Message);
        X9ECParameters x9 = CustomNamedCurves.getByName("P-256");
        ECDomainParameters domain = new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH());
        BigInteger d = new BigInteger(1, p256Scalar);
        p256Private = new ECPrivateKeyParameters(d, domain);
        p256Public = new ECPublicKeyParameters(domain.getG().multiply(d).normalize(), domain);
        es256Signature = rawSignEs256();
        checkSame("ES256", es256Message, es256Signature);
        es256Verifier.verify(es256Encoded);
        if (!rawVerifyEs256()) {
            throw new IllegalStateException("raw ES256 verify failed");
        }

        KeyPair sunEd25519 = KeyPairGenerator.getInstance("Ed25519", "SunEC").generateKeyPair();
        sunEcEd25519Signer = Signature.getInstance("Ed25519", "SunEC");
        sunEcEd25519Signer.initSign(sunEd25519.getPrivate());
        sunEcEd25519Verifier = Signature.getInstance("Ed25519", "SunEC");
        sunEcEd25519Verifier.initVerify(sunEd25519.getPublic());
        sunEcEd25519Signature = sunEcSignEd25519();
        if (!sunEcVerifyEd25519()) {
            throw new IllegalStateException("SunEC Ed25519 verify failed");
        }

        KeyPairGenerator ecGenerator = KeyPairGenerator.getInstance("EC", "SunEC");
        ecGenerator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair sunP256 = ecGenerator.generateKeyPair();
        sunEcEs256Signer = Signature.getInstance("SHA256withECDSA", "SunEC");
        sunEcEs256Signer.initSign(sunP256.getPrivate());
        sunEcEs256Verifier = Signature.getInstance("SHA256withECDSA", "SunEC");
        sunEcEs256Verifier.initVerify(sunP256.getPublic());
        sunEcEs256Signature = sunEcSignEs256();
        if (!sunEcVerifyEs256()) {
            throw new IllegalStateException("SunEC ES256 verify failed");
        }
        System.out.println("payload: " + payload.length + " bytes; Sig_structure: " + ed25519ToBeSigned.length
                + " bytes (Ed25519), " + es256ToBeSigned.length + " bytes (ES256); COSE_Sign1: "
                + ed25519Encoded.length + " / " + es256Encoded.length + " bytes");
    }

    private static byte[] fixedBytes(int first) {
        byte[] out = new byte[32];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (first + i);
        }
        return out;
    }

    /** The Sig_structure of RFC 9052 section 4.4, built from the public API: what COSE signs. */
    private static byte[] toBeSigned(CoseSign1 message) {
        return Cbor.encode(CborArray.of(
                CborText.of("Signature1"),
                new CborBytes(message.protectedHeader()),
                new CborBytes(Bytes.empty()),
                new CborBytes(message.payload().orElseThrow())));
    }

    /** Deterministic signatures: same key and same bytes give the same signature on both paths. */
    private static void checkSame(String name, CoseSign1 message, byte[] rawSignature) {
        if (!Arrays.equals(message.signature().toByteArray(), rawSignature)) {
            throw new IllegalStateException(name + ": raw and COSE paths did not sign the same bytes");
        }
    }

    private static byte[] sha256(byte[] message) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(message, 0, message.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    private static void putFixed(BigInteger value, byte[] target, int offset) {
        byte[] raw = value.toByteArray();
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, target, offset + 32 - copy, copy);
    }

    // ---- Ed25519 ------------------------------------------------------------------------------

    /**
     * COSE_Sign1 with Ed25519: Sig_structure, sign, and encode the tagged message.
     *
     * @return the encoded COSE_Sign1
     */
    @Benchmark
    public byte[] coseSignEd25519() {
        return ed25519Signer.sign(payload).encode();
    }

    /**
     * Baseline: Bouncy Castle Ed25519 over the same Sig_structure bytes.
     *
     * @return the 64-byte signature
     */
    @Benchmark
    public byte[] rawSignEd25519() {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        ed25519Private.sign(
                Ed25519.Algorithm.Ed25519, null, ed25519ToBeSigned, 0, ed25519ToBeSigned.length, signature, 0);
        return signature;
    }

    /**
     * COSE_Sign1 with Ed25519: strict decode, header checks, Sig_structure, verify.
     *
     * @return the verified message
     */
    @Benchmark
    public VerifiedSign1 coseVerifyEd25519() {
        return ed25519Verifier.verify(ed25519Encoded);
    }

    /**
     * Baseline: Bouncy Castle Ed25519 verification of the same signature over the same bytes.
     *
     * @return whether it verified
     */
    @Benchmark
    public boolean rawVerifyEd25519() {
        return ed25519Public.verify(
                Ed25519.Algorithm.Ed25519, null, ed25519ToBeSigned, 0, ed25519ToBeSigned.length, ed25519Signature, 0);
    }

    /**
     * Reference: the JDK's SunEC Ed25519 signature over the same bytes (its own key).
     *
     * @return the signature
     * @throws GeneralSecurityException never
     */
    @Benchmark
    public byte[] sunEcSignEd25519() throws GeneralSecurityException {
        sunEcEd25519Signer.update(ed25519ToBeSigned);
        return sunEcEd25519Signer.sign();
    }

    /**
     * Reference: SunEC Ed25519 verification over the same bytes.
     *
     * @return whether it verified
     * @throws GeneralSecurityException never
     */
    @Benchmark
    public boolean sunEcVerifyEd25519() throws GeneralSecurityException {
        sunEcEd25519Verifier.update(ed25519ToBeSigned);
        return sunEcEd25519Verifier.verify(sunEcEd25519Signature);
    }

    // ---- ES256 (ECDSA P-256 with SHA-256) -----------------------------------------------------

    /**
     * COSE_Sign1 with ES256: Sig_structure, sign, and encode the tagged message.
     *
     * @return the encoded COSE_Sign1
     */
    @Benchmark
    public byte[] coseSignEs256() {
        return es256Signer.sign(payload).encode();
    }

    /**
     * Baseline: Bouncy Castle deterministic ECDSA (RFC 6979, HMAC-SHA-256 nonces) over SHA-256 of the
     * same Sig_structure bytes, output as the 64-byte {@code r || s}.
     *
     * @return the signature
     */
    @Benchmark
    public byte[] rawSignEs256() {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, p256Private);
        BigInteger[] rs = signer.generateSignature(sha256(es256ToBeSigned));
        byte[] signature = new byte[64];
        putFixed(rs[0], signature, 0);
        putFixed(rs[1], signature, 32);
        return signature;
    }

    /**
     * COSE_Sign1 with ES256: strict decode, header checks, Sig_structure, verify.
     *
     * @return the verified message
     */
    @Benchmark
    public VerifiedSign1 coseVerifyEs256() {
        return es256Verifier.verify(es256Encoded);
    }

    /**
     * Baseline: Bouncy Castle ECDSA verification of the same {@code r || s} over the same bytes.
     *
     * @return whether it verified
     */
    @Benchmark
    public boolean rawVerifyEs256() {
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(es256Signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(es256Signature, 32, 64));
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, p256Public);
        return verifier.verifySignature(sha256(es256ToBeSigned), r, s);
    }

    /**
     * Reference: SunEC {@code SHA256withECDSA} over the same bytes (its own key, random nonces, DER
     * output).
     *
     * @return the signature
     * @throws GeneralSecurityException never
     */
    @Benchmark
    public byte[] sunEcSignEs256() throws GeneralSecurityException {
        sunEcEs256Signer.update(es256ToBeSigned);
        return sunEcEs256Signer.sign();
    }

    /**
     * Reference: SunEC {@code SHA256withECDSA} verification over the same bytes.
     *
     * @return whether it verified
     * @throws GeneralSecurityException never
     */
    @Benchmark
    public boolean sunEcVerifyEs256() throws GeneralSecurityException {
        sunEcEs256Verifier.update(es256ToBeSigned);
        return sunEcEs256Verifier.verify(sunEcEs256Signature);
    }
}
