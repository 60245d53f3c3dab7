package dev.cairn.tools.demo;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.errors.CairnException;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.ca.CertificateAuthority;
import dev.cairn.trust.ca.FileSerialLedger;
import dev.cairn.trust.ca.IssuedCertificate;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.csr.Csr;
import dev.cairn.trust.csr.CsrBuilder;
import dev.cairn.trust.csr.CsrVerifier;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The PKI part of the demo: a CA, a certificate from a real CSR, a greedy CSR refused, then {@link RevocationDemo}. */
final class TrustDemo {
    static final TrustDomain DOMAIN = new TrustDomain("demo.example");

    private final PrintStream out;

    TrustDemo(PrintStream out) {
        this.out = out;
    }

    /** Runs the steps; returns whether every one behaved as specified. */
    boolean run(Path dir) throws GeneralSecurityException {
        InsecureSecretKeyAccess access = InsecureSecretKeyAccess.get();
        SecureRandom random = new SecureRandom();
        Clock clock = Clock.systemUTC();
        try (FileSerialLedger serials = FileSerialLedger.open(dir.resolve("serials"))) {
            SigningKey intermediateKey = SigningKey.generate(KeyType.ED25519, random);
            CertificateAuthority ca = CertificateAuthority.initialize(
                    DOMAIN,
                    SigningKey.generate(KeyType.ED25519, random),
                    intermediateKey,
                    Duration.ofDays(365),
                    serials,
                    random,
                    clock,
                    access);
            X509Certificate intermediate = ca.chain().get(0);
            X509Certificate root = ca.chain().get(1);
            out.println(
                    "  CA created (Ed25519): " + root.getSubjectX500Principal().getName() + " -> "
                            + intermediate.getSubjectX500Principal().getName()
                            + "; from here on the root key could live offline");

            CairnId node = CairnId.node(DOMAIN, "c1", "n-1");
            SigningKey nodeKey = SigningKey.generate(KeyType.P256, random);
            Csr csr = CsrBuilder.build(nodeKey, Optional.of(node));
            out.println("  node n-1 made a PKCS#10 CSR (P-256, " + csr.der().length()
                    + " bytes) signed with its own key, asking for " + node);
            IssuedCertificate issued =
                    ca.issue(CsrVerifier.verify(csr.der().toByteArray()), node, Profile.NODE_CLIENT, Optional.empty());
            X509Certificate leaf = issued.certificate();
            out.println("  issued: serial " + leaf.getSerialNumber().toString(16) + ", one URI SAN "
                    + leaf.getSubjectAlternativeNames().iterator().next().get(1) + ", valid until "
                    + leaf.getNotAfter().toInstant());
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
            parameters.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX")
                    .validate(
                            CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf, intermediate)),
                            parameters);
            out.println("  the JDK's own PKIX validator accepts leaf -> intermediate -> root");

            Csr greedy = CsrBuilder.build(nodeKey, Optional.of(CairnId.node(DOMAIN, "c1", "n-2")));
            try {
                ca.issue(CsrVerifier.verify(greedy.der().toByteArray()), node, Profile.NODE_CLIENT, Optional.empty());
                out.println("  a CSR from n-1 asking for n-2's name was ISSUED: this is a bug");
                return false;
            } catch (CairnException e) {
                out.println("  a CSR from n-1 asking for n-2's name -> " + e.code() + " ("
                        + e.code().family() + ")");
            }
            return new RevocationDemo(out, ca, intermediateKey, clock).run(nodeKey, issued);
        }
    }
}
