package dev.cairn.verifier.cli;

import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.csr.CsrVerifier;
import dev.cairn.trust.csr.VerifiedCsr;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.revocation.RevocationHead;
import dev.cairn.trust.tls.PeerIdentity;
import dev.cairn.trust.tls.PeerRole;
import dev.cairn.verifier.CertificateChains;
import dev.cairn.verifier.TrustAnchors;
import dev.cairn.verifier.VerifiedRevocation;
import dev.cairn.verifier.VerifiedTrustBundle;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cairn-verify cert}: a certificate chain against the trust bundle and revocation head; or,
 * without a chain, the trust material itself (bundle updates, revocation head); or a CSR ({@code
 * --csr}).
 */
@Command(
        name = "cert",
        description = {
            "Verifies a certificate chain, the trust material, or a CSR (--csr).",
            "A chain is verified against a trust bundle and revocation head (spec/tls-identity.md);"
                    + " without CHAIN, verifies the trust material itself: the signed bundle updates and the"
                    + " revocation head (spec/trust-bundle.md, spec/revocation.md).",
            "With --csr, verifies a PKCS#10 certification request (spec/ca.md) instead."
        })
final class CertCommand extends VerifyCommand {
    /**
     * The TLS roles, named here rather than with sdk-trust's {@code PeerRole} so that building the
     * command line loads no ASN.1 classes.
     */
    enum Role {
        /** A TLS client: the leaf carries clientAuth. */
        CLIENT,
        /** A TLS server: the leaf carries serverAuth. */
        SERVER;

        PeerRole peerRole() {
            return this == CLIENT ? PeerRole.CLIENT : PeerRole.SERVER;
        }
    }

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "CHAIN",
            description = "The certificate chain to verify (PEM, leaf first).")
    String chain;

    @Option(
            names = "--csr",
            paramLabel = "FILE",
            description = "Verify this CSR (DER, PEM or hex; - for standard input) instead of a chain.")
    String csr;

    @Mixin
    TrustOptions trust;

    @Option(
            names = "--role",
            paramLabel = "ROLE",
            defaultValue = "SERVER",
            description =
                    "The TLS role the leaf must be issued for: ${COMPLETION-CANDIDATES}; default: ${DEFAULT-VALUE}.")
    Role role;

    @Option(
            names = "--expect-id",
            paramLabel = "URI",
            converter = Converters.CairnIdValue.class,
            description = "Accept only a leaf naming this cairn:// identity.")
    CairnId expectedId;

    @Option(
            names = "--at",
            paramLabel = "INSTANT",
            converter = Converters.InstantValue.class,
            description = "Verify as of this time (ISO-8601, e.g. 2026-11-24T00:00:00Z); default: now.")
    Instant at;

    @Override
    String what() {
        if (csr != null) {
            return "csr";
        }
        return chain != null ? "certificate" : "trust-material";
    }

    @Override
    int verify(Output results) {
        Inputs inputs = inputs();
        if (csr != null) {
            if (chain != null || trust.given() || expectedId != null) {
                throw usage("--csr is verified alone: no CHAIN, trust or identity options");
            }
            return results.valid(csr(CsrVerifier.verify(inputs.binary(csr))), Output.ALONE);
        }
        if (trust.bundle == null) {
            throw usage("--trust-bundle is required (or --csr)");
        }
        if (chain == null && expectedId != null) {
            throw usage("--expect-id needs CHAIN");
        }
        TrustAnchors.Builder builder = TrustAnchors.builder().clock(TimeOptions.clockAt(at));
        trust.addTo(builder, inputs);
        TrustAnchors anchors = builder.build();
        if (chain == null) {
            return results.valid(material(anchors), Output.ALONE);
        }
        CertificateChains.Builder chains =
                CertificateChains.builder(anchors).role(role.peerRole()).tier(trust.tier);
        if (expectedId != null) {
            chains.expectId(expectedId);
        }
        PeerIdentity identity = chains.build().verify(inputs.certificates(chain));
        TrustBundle bundle = anchors.trustBundle().orElseThrow().bundle();
        return results.valid(
                Report.of(
                                "certificate",
                                identity.id().uri() + " (serial "
                                        + identity.serial().toString(16) + ") is a "
                                        + role.name().toLowerCase(Locale.ROOT) + " of trust domain "
                                        + bundle.trustDomain() + ", not revoked, valid until "
                                        + identity.notAfter())
                        .with("identity", identity.id().uri())
                        .with("serial", identity.serial().toString(16))
                        .with("not_after", identity.notAfter().toString())
                        .with("role", role.name())
                        .with("tier", trust.tier.name())
                        .with("trust_domain", bundle.trustDomain().name())
                        .with("bundle_sequence", bundle.sequence())
                        .with(
                                "revocation_sequence",
                                anchors.revocation().orElseThrow().head().head().sequence()),
                Output.ALONE);
    }

    private static Report material(TrustAnchors anchors) {
        VerifiedTrustBundle bundle = anchors.trustBundle().orElseThrow();
        Optional<VerifiedRevocation> revocation = anchors.revocation();
        TrustBundle held = bundle.bundle();
        Report report = Report.of(
                        "trust-material",
                        "trust bundle of " + held.trustDomain() + " at sequence " + held.sequence() + " after "
                                + (bundle.sequences().size() - 1) + " signed updates"
                                + revocation
                                        .map(r -> "; revocation head "
                                                + r.head().head().sequence() + " of "
                                                + r.head().head().size() + " entries")
                                        .orElse(""))
                .with("trust_domain", held.trustDomain().name())
                .with("bundle_sequence", held.sequence())
                .with("bundle_updates", bundle.sequences().size() - 1)
                .with("ca_certificates", held.entries().size());
        revocation.ifPresent(r -> {
            RevocationHead head = r.head().head();
            report.with("revocation_sequence", head.sequence())
                    .with("revocation_size", head.size())
                    .with("revoked", r.revokedSerials().size())
                    .with("revocation_issued_at", head.issuedAt().toString())
                    .with("revocation_next_update", head.nextUpdate().toString());
        });
        return report;
    }

    private static Report csr(VerifiedCsr verified) {
        return Report.of(
                        "csr",
                        verified.key().type() + " key, proof of possession verified, "
                                + (verified.requestedUris().isEmpty()
                                        ? "no name requested"
                                        : "requesting " + verified.requestedUris()))
                .with("key_type", verified.key().type().name())
                .with("public_key", verified.key().encoded().toHex())
                .with("kid", verified.key().kid().toHex())
                .with("requested", verified.requestedUris());
    }
}
