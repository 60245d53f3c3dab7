package dev.cairn.verifier.cli;

import static dev.cairn.verifier.cli.Cli.flip;
import static dev.cairn.verifier.cli.Cli.run;
import static dev.cairn.verifier.cli.Cli.write;
import static dev.cairn.verifier.cli.Cli.writeHex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.ca.IssuedCertificate;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.csr.CsrBuilder;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.keyfile.KeyFiles;
import dev.cairn.trust.revocation.RevocationEntries;
import dev.cairn.trust.revocation.RevocationEntry;
import dev.cairn.verifier.LogFixture;
import dev.cairn.verifier.PkiFixture;
import dev.cairn.verifier.TestClock;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertCommandTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final CairnId NODE = CairnId.node(PkiFixture.TD, "c1", "n-1");

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(LogFixture.T0);
    private PkiFixture pki;
    private String bundle;
    private IssuedCertificate server;
    private String chain;

    @BeforeEach
    void pki() {
        pki = new PkiFixture(clock);
        bundle = write(dir, "bundle.jwks", pki.jwks());
        server = pki.issue(SigningKey.generate(KeyType.P256, RANDOM), PkiFixture.LOG_SIGNER, Profile.SERVICE);
        chain = chainOf("server.pem", server);
    }

    private String chainOf(String name, IssuedCertificate issued) {
        Path file = dir.resolve(name);
        List<X509Certificate> all = new ArrayList<>();
        all.add(issued.certificate());
        all.addAll(issued.chain());
        KeyFiles.writeCertificates(file, all);
        return file.toString();
    }

    private List<String> args(String... more) {
        List<String> args = new ArrayList<>(List.of(
                "cert",
                "--json",
                "--trust-bundle",
                bundle,
                "--at",
                clock.instant().toString()));
        args.addAll(List.of(more));
        return args;
    }

    private static Cli.Run cli(List<String> args) {
        return run(args.toArray(String[]::new));
    }

    private String head() {
        return write(dir, "head" + RANDOM.nextInt(1 << 30) + ".cose", pki.head());
    }

    @Test
    void aChainOfTheBundleThatIsNotRevokedVerifies() {
        JsonNode result =
                cli(args("--revocation-head", head(), chain)).expect(0).only();
        assertEquals("certificate", result.path("what").asText());
        assertEquals(PkiFixture.LOG_SIGNER.uri(), result.path("identity").asText());
        assertEquals(
                server.certificate().getSerialNumber().toString(16),
                result.path("serial").asText());
        assertEquals("SERVER", result.path("role").asText());
        cli(args("--revocation-head", head(), "--role", "client", chain)).expect(0);
        cli(args("--revocation-head", head(), "--expect-id", PkiFixture.LOG_SIGNER.uri(), chain))
                .expect(0);
    }

    @Test
    void chainFailuresAreRejections() {
        cli(args(chain)).expect(1, "REVOCATION_HEAD_STALE");
        String node =
                chainOf("node.pem", pki.issue(SigningKey.generate(KeyType.ED25519, RANDOM), NODE, Profile.NODE_CLIENT));
        cli(args("--revocation-head", head(), node)).expect(1, "CERT_CHAIN_INVALID");
        cli(args("--revocation-head", head(), "--expect-id", NODE.uri(), chain)).expect(1, "TLS_PEER_IDENTITY_INVALID");
        List<String> late = args("--revocation-head", head(), chain);
        late.set(
                late.indexOf("--at") + 1,
                clock.instant().plus(Duration.ofDays(31)).toString());
        cli(late).expect(1, "CERT_EXPIRED");
        PkiFixture stranger = new PkiFixture(clock);
        String foreign = chainOf(
                "foreign.pem", stranger.issue(SigningKey.generate(KeyType.ED25519, RANDOM), NODE, Profile.SERVICE));
        cli(args("--revocation-head", head(), foreign)).expect(1, "CERT_CHAIN_INVALID");
        pki.revoke(server.certificate().getSerialNumber());
        String entries = write(dir, "entries.cbor", pki.entries());
        cli(args("--revocation-head", head(), "--revocation-entries", entries, chain))
                .expect(1, "CERT_REVOKED");
    }

    @Test
    void theTrustMaterialAloneVerifiesBundleUpdatesAndTheRevocationHead() {
        pki.revoke(java.math.BigInteger.valueOf(12345));
        String entries = writeHex(dir, "entries.hex", pki.entries());
        String update2 = write(dir, "bundle2.cose", pki.signedBundle(2));
        String update3 = writeHex(dir, "bundle3.hex", pki.signedBundle(3));
        JsonNode result = cli(args(
                        "--bundle-update",
                        update2,
                        "--bundle-update",
                        update3,
                        "--revocation-head",
                        head(),
                        "--revocation-entries",
                        entries))
                .expect(0)
                .only();
        assertEquals("trust-material", result.path("what").asText());
        assertEquals(3, result.path("bundle_sequence").asLong());
        assertEquals(2, result.path("bundle_updates").asInt());
        assertEquals(1, result.path("revoked").asInt());
        assertEquals(1, result.path("revocation_size").asLong());
    }

    @Test
    void trustMaterialFailures() {
        String update2 = write(dir, "bundle2.cose", pki.signedBundle(2));
        String update3 = write(dir, "bundle3.cose", pki.signedBundle(3));
        JsonNode rollback = cli(args("--bundle-update", update3, "--bundle-update", update2))
                .expect(1, "BUNDLE_ROLLBACK")
                .only();
        assertEquals("1", rollback.path("details").path("update").asText());
        PkiFixture stranger = new PkiFixture(clock);
        cli(args("--bundle-update", write(dir, "stranger.cose", stranger.signedBundle(2))))
                .expect(1, "BUNDLE_SIGNER_UNTRUSTED");
        cli(args("--revocation-head", write(dir, "stranger-head.cose", stranger.head())))
                .expect(1, "SIGNATURE_KEY_UNTRUSTED");
        pki.revoke(java.math.BigInteger.valueOf(7));
        String head = head();
        List<RevocationEntry> forged = List.of(new RevocationEntry(
                0, java.math.BigInteger.valueOf(8), pki.entryList().get(0).reason(), clock.instant()));
        cli(args(
                        "--revocation-head",
                        head,
                        "--revocation-entries",
                        write(dir, "forged.cbor", RevocationEntries.encode(forged))))
                .expect(1, "REVOCATION_CHAIN_BROKEN");
        cli(args("--revocation-head", head)).expect(1, "REVOCATION_CHAIN_BROKEN");
        List<String> badJwks = args();
        badJwks.set(badJwks.indexOf("--trust-bundle") + 1, write(dir, "bad.jwks", new String(pki.jwks()) + "\n"));
        cli(badJwks).expect(2, "BUNDLE_MALFORMED");
        byte[] signedHead = pki.head();
        cli(args("--revocation-head", write(dir, "flipped.cose", flip(signedHead, signedHead.length - 1))))
                .expect(1, "COSE_BAD_SIGNATURE");
    }

    @Test
    void csrsVerifyAlone() {
        SigningKey key = SigningKey.generate(KeyType.ED25519, RANDOM);
        byte[] der = CsrBuilder.build(key, Optional.of(NODE)).der().toByteArray();
        JsonNode result = run("cert", "--json", "--csr", write(dir, "node.csr", der))
                .expect(0)
                .only();
        assertEquals("csr", result.path("what").asText());
        assertEquals(
                key.verificationKey().encoded().toHex(),
                result.path("public_key").asText());
        assertEquals(NODE.uri(), result.path("requested").get(0).asText());
        run(der, "cert", "--json", "--csr", "-").expect(0);
        run("cert", "--json", "--csr", write(dir, "bad.csr", flip(der, der.length - 1)))
                .expect(1, "CSR_BAD_SIGNATURE");
        run("cert", "--json", "--csr", write(dir, "cut.csr", java.util.Arrays.copyOf(der, 20)))
                .expect(2, "CSR_MALFORMED");
        run("cert", "--csr", write(dir, "again.csr", der), "--trust-bundle", bundle)
                .expect(2);
    }

    @Test
    void usageErrorsExitTwo() {
        run("cert", chain).expect(2);
        cli(args("--expect-id", NODE.uri())).expect(2);
        cli(args("--expect-id", "not an identity", chain)).expect(2);
        cli(args("--role", "peer", chain)).expect(2);
        cli(args("--revocation-entries", write(dir, "e.cbor", pki.entries()))).expect(2);
        run("cert", "--bundle-update", write(dir, "b.cose", pki.signedBundle(2)))
                .expect(2);
    }
}
