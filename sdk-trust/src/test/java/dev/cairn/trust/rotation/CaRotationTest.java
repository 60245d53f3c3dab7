package dev.cairn.trust.rotation;

import static dev.cairn.trust.bundle.BundleFixtures.REFRESH;
import static dev.cairn.trust.bundle.BundleFixtures.T0;
import static dev.cairn.trust.bundle.BundleFixtures.TD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.bundle.BundleFixtures;
import dev.cairn.trust.bundle.BundleFixtures.Hierarchy;
import dev.cairn.trust.bundle.CaEntry;
import dev.cairn.trust.bundle.CaStatus;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.bundle.TrustBundleSigner;
import dev.cairn.trust.bundle.TrustBundleState;
import dev.cairn.trust.ca.CertificateAuthority;
import dev.cairn.trust.support.MutableClock;
import java.security.SecureRandom;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CaRotationTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Validates a leaf with the JDK's PKIX validator, the bundle's certificates as the only anchors. */
    static void validate(X509Certificate leaf, TrustBundle bundle, Instant at) throws Exception {
        PKIXParameters parameters = new PKIXParameters(bundle.certificates().stream()
                .map(c -> new TrustAnchor(c, null))
                .collect(Collectors.toSet()));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(at));
        CertPathValidator.getInstance("PKIX")
                .validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf)), parameters);
    }

    static void refused(ErrorCode code, Executable step) {
        assertEquals(code, assertThrows(CairnException.class, step).code());
    }

    @ParameterizedTest
    @CsvSource({"ED25519, ED25519", "P256, P256", "ED25519, P256", "P256, ED25519"})
    void aRotationKeepsTheOldCasLeavesValidUntilItIsRetired(KeyType oldType, KeyType newType) throws Exception {
        MutableClock clock = new MutableClock(T0);
        Hierarchy h = BundleFixtures.hierarchy(oldType, clock);
        CaRotation rotation = new CaRotation(RotationPolicy.DEFAULT, clock);
        RotationState steady = RotationState.steady(TD, h.intermediate(), 1, REFRESH);
        TrustBundleState relyingParty = new TrustBundleState(steady.bundle());
        TrustBundleState laggard = new TrustBundleState(steady.bundle());
        X509Certificate oldLeaf = BundleFixtures.leaf(BundleFixtures.issuer(h, clock), "n-old");
        validate(oldLeaf, steady.bundle(), clock.instant());

        clock.advance(Duration.ofHours(1));
        SigningKey newKey = SigningKey.generate(newType, RANDOM);
        X509Certificate newIntermediate = BundleFixtures.intermediate(h.rootKey(), h.root(), newKey, clock);
        RotationState prepared = rotation.prepare(steady, newIntermediate);
        assertEquals(RotationPhase.PREPARED, prepared.phase());
        assertEquals(2, prepared.bundle().sequence());
        assertEquals(h.intermediate(), prepared.issuing());
        assertEquals(Optional.of(newIntermediate), prepared.next());
        assertEquals(List.of(newIntermediate), prepared.bundle().certificates(CaStatus.NEXT));
        relyingParty.update(TrustBundleSigner.sign(prepared.bundle(), h.key()));

        clock.advance(Duration.ofHours(1));
        RotationState active = rotation.activate(prepared, new Propagation(2, 20, 19));
        assertEquals(RotationPhase.ACTIVE, active.phase());
        assertEquals(3, active.bundle().sequence());
        assertEquals(newIntermediate, active.issuing());
        assertEquals(Optional.of(h.intermediate()), active.retiring());
        assertEquals(Optional.of(clock.instant()), active.activatedAt());
        assertEquals(List.of(newIntermediate, h.intermediate()), active.bundle().certificates(CaStatus.CURRENT));
        byte[] signedActive = TrustBundleSigner.sign(active.bundle(), h.key());
        relyingParty.update(signedActive);
        laggard.update(signedActive);
        assertEquals(active.bundle(), laggard.current());

        CertificateAuthority newCa = BundleFixtures.issuer(newKey, newIntermediate, h.root(), clock);
        X509Certificate newLeaf = BundleFixtures.leaf(newCa, "n-new");
        Instant during = clock.instant();
        validate(oldLeaf, relyingParty.current(), during);
        validate(newLeaf, relyingParty.current(), during);
        validate(newLeaf, prepared.bundle(), during);
        assertThrows(CertPathValidatorException.class, () -> validate(newLeaf, steady.bundle(), during));

        Instant lastOldLeaf = oldLeaf.getNotAfter().toInstant();
        clock.set(lastOldLeaf.plusSeconds(1));
        refused(ErrorCode.CA_RETIRE_TOO_EARLY, () -> rotation.retire(active, lastOldLeaf));
        clock.set(active.activatedAt()
                .orElseThrow()
                .plus(RotationPolicy.DEFAULT.maxLeafTtl())
                .plusSeconds(1));
        RotationState retired = rotation.retire(active, lastOldLeaf);
        assertEquals(RotationPhase.STEADY, retired.phase());
        assertEquals(4, retired.bundle().sequence());
        assertEquals(List.of(newIntermediate), retired.bundle().certificates());
        byte[] signedRetired = TrustBundleSigner.sign(retired.bundle(), h.key());
        TrustBundle held = relyingParty.update(signedRetired);
        assertSame(held, relyingParty.update(signedRetired));
        validate(newLeaf, held, during);
        assertThrows(CertPathValidatorException.class, () -> validate(oldLeaf, held, during));

        TrustBundle later = new TrustBundle(TD, 5, REFRESH, List.of(new CaEntry(newIntermediate, CaStatus.CURRENT)));
        refused(ErrorCode.BUNDLE_SIGNER_UNTRUSTED, () -> relyingParty.update(TrustBundleSigner.sign(later, h.key())));
        assertEquals(later, relyingParty.update(TrustBundleSigner.sign(later, newKey)));
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void aStepInTheWrongPhaseIsRefused(KeyType type) {
        MutableClock clock = new MutableClock(T0);
        Hierarchy h = BundleFixtures.hierarchy(type, clock);
        CaRotation rotation = new CaRotation(RotationPolicy.DEFAULT, clock);
        RotationState steady = RotationState.steady(TD, h.intermediate(), 7, REFRESH);
        X509Certificate next = nextIntermediate(h, type, clock);
        RotationState prepared = rotation.prepare(steady, next);
        RotationState active = rotation.activate(prepared, new Propagation(8, 1, 1));
        Propagation all = new Propagation(100, 1, 1);
        Instant past = T0.minusSeconds(1);
        refused(ErrorCode.CA_ROTATION_STATE, () -> rotation.prepare(prepared, nextIntermediate(h, type, clock)));
        refused(ErrorCode.CA_ROTATION_STATE, () -> rotation.prepare(active, nextIntermediate(h, type, clock)));
        refused(ErrorCode.CA_ROTATION_STATE, () -> rotation.activate(steady, all));
        refused(ErrorCode.CA_ROTATION_STATE, () -> rotation.activate(active, all));
        refused(ErrorCode.CA_ROTATION_STATE, () -> rotation.retire(steady, past));
        refused(ErrorCode.CA_ROTATION_STATE, () -> rotation.retire(prepared, past));
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void activationWaitsForEnoughRelyingPartiesToHoldTheNextCa(KeyType type) {
        MutableClock clock = new MutableClock(T0);
        Hierarchy h = BundleFixtures.hierarchy(type, clock);
        CaRotation rotation = new CaRotation(RotationPolicy.DEFAULT, clock);
        RotationState prepared = rotation.prepare(
                RotationState.steady(TD, h.intermediate(), 1, REFRESH), nextIntermediate(h, type, clock));
        refused(ErrorCode.CA_ROTATION_NOT_PROPAGATED, () -> rotation.activate(prepared, new Propagation(2, 20, 18)));
        refused(ErrorCode.CA_ROTATION_NOT_PROPAGATED, () -> rotation.activate(prepared, new Propagation(1, 20, 20)));
        refused(ErrorCode.CA_ROTATION_NOT_PROPAGATED, () -> rotation.activate(prepared, new Propagation(2, 0, 0)));
        assertEquals(
                RotationPhase.ACTIVE,
                rotation.activate(prepared, new Propagation(2, 20, 19)).phase());
        assertEquals(
                RotationPhase.ACTIVE,
                rotation.activate(prepared, new Propagation(3, 20, 19)).phase());
        CaRotation three = new CaRotation(new RotationPolicy(50, 3, Duration.ofDays(1)), clock);
        refused(ErrorCode.CA_ROTATION_NOT_PROPAGATED, () -> three.activate(prepared, new Propagation(2, 2, 2)));
        assertEquals(
                RotationPhase.ACTIVE,
                three.activate(prepared, new Propagation(2, 6, 3)).phase());
        CaRotation none = new CaRotation(new RotationPolicy(100, 0, Duration.ofDays(1)), clock);
        assertEquals(
                RotationPhase.ACTIVE,
                none.activate(prepared, new Propagation(2, 0, 0)).phase());
        refused(ErrorCode.CA_ROTATION_NOT_PROPAGATED, () -> none.activate(prepared, new Propagation(2, 1000, 999)));
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void retirementWaitsForTheLastLeafAndTheLeafLifetimeBound(KeyType type) {
        MutableClock clock = new MutableClock(T0);
        Hierarchy h = BundleFixtures.hierarchy(type, clock);
        CaRotation rotation = new CaRotation(new RotationPolicy(95, 1, Duration.ofDays(1)), clock);
        RotationState prepared = rotation.prepare(
                RotationState.steady(TD, h.intermediate(), 1, REFRESH), nextIntermediate(h, type, clock));
        RotationState active = rotation.activate(prepared, new Propagation(2, 1, 1));
        Instant bound = T0.plus(Duration.ofDays(1));
        clock.set(bound);
        refused(ErrorCode.CA_RETIRE_TOO_EARLY, () -> rotation.retire(active, T0));
        clock.set(bound.plusMillis(1));
        assertEquals(RotationPhase.STEADY, rotation.retire(active, T0).phase());
        Instant lateLeaf = bound.plus(Duration.ofHours(5));
        refused(ErrorCode.CA_RETIRE_TOO_EARLY, () -> rotation.retire(active, lateLeaf));
        clock.set(lateLeaf);
        refused(ErrorCode.CA_RETIRE_TOO_EARLY, () -> rotation.retire(active, lateLeaf));
        clock.set(lateLeaf.plusSeconds(1));
        assertEquals(4, rotation.retire(active, lateLeaf).bundle().sequence());
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void theNextIntermediateMustBeAValidCaOfItsOwn(KeyType type) throws Exception {
        MutableClock clock = new MutableClock(T0);
        Hierarchy h = BundleFixtures.hierarchy(type, clock);
        CaRotation rotation = new CaRotation(RotationPolicy.DEFAULT, clock);
        RotationState steady = RotationState.steady(TD, h.intermediate(), 1, REFRESH);
        MutableClock future = new MutableClock(T0.plus(Duration.ofDays(2)));
        X509Certificate notYet = nextIntermediate(h, type, future);
        refused(ErrorCode.CA_NOT_VALID, () -> rotation.prepare(steady, notYet));
        X509Certificate leaf = BundleFixtures.leaf(BundleFixtures.issuer(h, clock), "n-1");
        refused(ErrorCode.BUNDLE_MALFORMED, () -> rotation.prepare(steady, leaf));
        refused(ErrorCode.BUNDLE_MALFORMED, () -> rotation.prepare(steady, h.intermediate()));
        clock.set(h.intermediate().getNotAfter().toInstant().plusSeconds(1));
        X509Certificate expired = nextIntermediate(h, type, new MutableClock(T0));
        refused(ErrorCode.CA_NOT_VALID, () -> rotation.prepare(steady, expired));
    }

    private static X509Certificate nextIntermediate(Hierarchy h, KeyType type, MutableClock clock) {
        return BundleFixtures.intermediate(h.rootKey(), h.root(), SigningKey.generate(type, RANDOM), clock);
    }
}
