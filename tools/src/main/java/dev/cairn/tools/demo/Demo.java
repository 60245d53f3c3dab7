package dev.cairn.tools.demo;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborText;
import dev.cairn.cose.CoseAlgorithm;
import dev.cairn.cose.CoseSign1;
import dev.cairn.cose.CoseSigner;
import dev.cairn.cose.CoseVerifier;
import dev.cairn.cose.VerifiedSign1;
import dev.cairn.errors.CairnException;
import dev.cairn.hash.HashDomain;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.verifier.vectors.CheckReport;
import dev.cairn.verifier.vectors.VectorChecker;
import dev.cairn.verifier.vectors.VectorTree;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The walk-through {@code ./cairn demo} prints: every step runs the real sdk-core code and shows what
 * it produced. It grows with the project; today it covers what sdk-core has.
 */
public final class Demo {
    private final PrintStream out;
    private int step;

    /**
     * Creates a demo writing to a stream.
     *
     * @param out where to print
     */
    public Demo(PrintStream out) {
        this.out = out;
    }

    /**
     * Runs the walk-through.
     *
     * @param repoRoot the repository root, for {@code vectors/}
     * @return 0 when every step behaved as it should, 1 otherwise
     */
    public int run(Path repoRoot) {
        out.println(
                "Cairn demo: canonical CBOR, COSE_Sign1, typed errors, marker streams, MMR checkpoints and receipts (sdk-core)");
        out.println("Every value below was computed just now by the code in this repository.");

        heading("Generate an Ed25519 key pair (Bouncy Castle, fresh randomness)");
        SecureRandom random = new SecureRandom();
        SigningKey key = SigningKey.generate(KeyType.ED25519, random);
        out.println("  public key  " + key.verificationKey().encoded().toHex());
        out.println("  kid         " + key.verificationKey().kid().toHex());
        out.println("              = DomainHash(\"" + HashDomain.KEY_ID.tag() + "\", canonical COSE_Key)");

        heading("Encode a statement in canonical CBOR (RFC 8949 4.2.1)");
        byte[] requestDigest = new byte[32];
        random.nextBytes(requestDigest);
        CborMap statement = CborMap.builder()
                .put("action", CborText.of("node.enroll"))
                .put("actor", CborText.of("cairn://demo.example/operator/alice"))
                .put("subject", CborText.of("cairn://demo.example/cluster/c1/node/n-7"))
                .put(1, CborInt.of(3))
                .put(2, CborInt.of(42))
                .put(3, CborBytes.of(requestDigest))
                .put(4, CborArray.of(CborText.of("agent"), CborText.of("gpu")))
                .build();
        byte[] encoded = Cbor.encode(statement);
        out.println("  diagnostic  " + statement.toDiagnostic());
        out.println("  encoded     " + encoded.length + " bytes: "
                + Bytes.copyOf(encoded).toHex());
        out.println("  keys come out sorted by their encoded bytes: 1, 2, 3, 4, then the text keys");
        out.println("  (3 holds 32 random bytes standing in for a request digest)");
        boolean roundTrip = Arrays.equals(Cbor.encode(Cbor.decode(encoded)), encoded);
        out.println("  strict decode + re-encode gives the same bytes: " + roundTrip);

        heading("Sign it as COSE_Sign1 (RFC 9052, EdDSA)");
        CoseSign1 message =
                CoseSigner.builder(key).contentType("application/cbor").build().sign(encoded);
        byte[] wire = message.encode();
        out.println("  message     " + wire.length + " bytes, tag 18, protected header "
                + Cbor.decode(message.protectedHeader().toByteArray())
                        .toDiagnostic()
                        .replace(key.verificationKey().kid().toHex(), "<kid>"));
        out.println("  signature   " + message.signature().toHex());

        heading("Verify it (alg allow-list: EdDSA; kid must be the key's)");
        CoseVerifier verifier = CoseVerifier.builder()
                .key(key.verificationKey())
                .allowAlgorithms(CoseAlgorithm.EDDSA)
                .build();
        VerifiedSign1 verified = verifier.verify(wire);
        boolean samePayload = Arrays.equals(verified.payload().toByteArray(), encoded);
        out.println(
                "  verified: " + verified.algorithm() + " by " + verified.key() + ", payload intact: " + samePayload);

        heading("Change one bit and watch it fail");
        boolean rejected = true;
        rejected &= expectRejected("last bit of the signature", flip(wire, wire.length - 1), verifier);
        rejected &= expectRejected("first bit of the payload", flip(wire, indexOf(wire, encoded)), verifier);
        rejected &= expectRejected("the tag byte (18 -> 19)", flip(wire, 0), verifier);
        byte[] nonCanonical = {0x18, 0x01};
        try {
            Cbor.decode(nonCanonical);
            rejected = false;
            out.println("  the integer 1 written as 18 01 was accepted: WRONG");
        } catch (CairnException e) {
            out.println("  the integer 1 written as 18 01 (not shortest) -> " + e.code() + " ("
                    + e.code().family() + ")");
        }

        heading("Append statements to a durable log, publish a checkpoint, verify a receipt offline");
        boolean logOk;
        Path logDir;
        try {
            logDir = Files.createTempDirectory("cairn-demo-log");
            out.println("  log directory " + logDir);
            logOk = new LogDemo(out).run(logDir, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        heading("Create a CA, issue a certificate from a real CSR, talk mTLS, revoke it and see it refused");
        boolean trustOk;
        try {
            Path trustDir = Files.createTempDirectory("cairn-demo-ca");
            trustOk = new TrustDemo(out).run(trustDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK rejected a Cairn chain", e);
        }

        heading("Check the golden vectors in vectors/");
        CheckReport report = VectorChecker.checkAll(VectorTree.read(repoRoot.resolve("vectors")));
        out.println("  " + report.summary());
        report.failures().forEach(f -> out.println("  " + f.status() + " " + f.file() + ": " + f.differed()));

        heading(
                "The auditor: export an audit bundle, verify it with java -jar cairn-verify.jar, refuse a tampered copy");
        boolean auditOk;
        try {
            auditOk = new AuditDemo(out, repoRoot).run(logDir.resolve("audit.bundle"), LogDemo.LOG.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while cairn-verify ran", e);
        }

        heading("The platform: cairn-server, three cairn-agent processes, an operator and an auditor");
        boolean platformOk;
        try {
            platformOk = new PlatformDemo(out, repoRoot).run(Files.createTempDirectory("cairn-demo-platform"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the platform ran", e);
        }

        boolean ok = roundTrip
                && samePayload
                && rejected
                && logOk
                && trustOk
                && report.failures().isEmpty()
                && !report.results().isEmpty()
                && auditOk
                && platformOk;
        out.println();
        out.println(
                ok ? "Demo finished: every step behaved as specified." : "Demo finished with failures (see above).");
        return ok ? 0 : 1;
    }

    private boolean expectRejected(String what, byte[] tampered, CoseVerifier verifier) {
        try {
            verifier.verify(tampered);
            out.println("  flipped " + what + ": ACCEPTED (this is a bug)");
            return false;
        } catch (CairnException e) {
            out.println("  flipped " + what + " -> " + e.code() + " ("
                    + e.code().family() + ", retryable=" + e.retryable() + ")");
            out.println("      hint: " + e.code().hint());
            return true;
        }
    }

    private void heading(String title) {
        out.println();
        out.println(++step + ". " + title);
    }

    private static byte[] flip(byte[] bytes, int index) {
        byte[] copy = bytes.clone();
        copy[index] ^= 1;
        return copy;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }
}
