package dev.cairn.trust.rotation;

import static dev.cairn.trust.bundle.BundleFixtures.REFRESH;
import static dev.cairn.trust.bundle.BundleFixtures.T0;
import static dev.cairn.trust.bundle.BundleFixtures.TD;
import static dev.cairn.trust.bundle.BundleFixtures.bundle;
import static dev.cairn.trust.bundle.BundleFixtures.current;
import static dev.cairn.trust.bundle.BundleFixtures.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.bundle.BundleFixtures;
import dev.cairn.trust.bundle.BundleFixtures.Hierarchy;
import dev.cairn.trust.bundle.TrustBundleJwks;
import dev.cairn.trust.support.MutableClock;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RotationStateTest {
    private static final Hierarchy H = BundleFixtures.hierarchy(KeyType.ED25519);
    private static final X509Certificate OLD = H.intermediate();
    private static final X509Certificate NEW = BundleFixtures.intermediate(
            H.rootKey(), H.root(), SigningKey.generate(KeyType.P256, new SecureRandom()), BundleFixtures.CLOCK);

    @Test
    void theBundleMustHaveThePhasesShape() {
        Optional<java.time.Instant> at = Optional.of(T0);
        assertThrows(
                IllegalArgumentException.class,
                () -> new RotationState(RotationPhase.STEADY, bundle(1, current(OLD), current(NEW)), Optional.empty()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RotationState(RotationPhase.STEADY, bundle(1, current(OLD)), at));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RotationState(RotationPhase.PREPARED, bundle(1, current(OLD)), Optional.empty()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RotationState(
                        RotationPhase.PREPARED, bundle(1, current(OLD), current(NEW)), Optional.empty()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RotationState(RotationPhase.ACTIVE, bundle(1, current(NEW), current(OLD)), Optional.empty()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RotationState(RotationPhase.ACTIVE, bundle(1, current(NEW), next(OLD)), at));
        RotationState active = new RotationState(RotationPhase.ACTIVE, bundle(1, current(NEW), current(OLD)), at);
        assertEquals(NEW, active.issuing());
        assertEquals(Optional.of(OLD), active.retiring());
        assertEquals(Optional.empty(), active.next());
    }

    @Test
    void everyStateSurvivesPersistingItsBundleAsJwks() {
        MutableClock clock = new MutableClock(T0);
        CaRotation rotation = new CaRotation(new RotationPolicy(100, 1, Duration.ofDays(1)), clock);
        RotationState steady = RotationState.steady(TD, OLD, 9, REFRESH);
        RotationState prepared = rotation.prepare(steady, NEW);
        RotationState active = rotation.activate(prepared, new Propagation(10, 3, 3));
        clock.advance(Duration.ofDays(2));
        RotationState retired = rotation.retire(active, T0);
        for (RotationState state : List.of(steady, prepared, active, retired)) {
            RotationState restored = new RotationState(
                    state.phase(), TrustBundleJwks.parse(TrustBundleJwks.render(state.bundle())), state.activatedAt());
            assertEquals(state, restored);
            assertEquals(state.issuing(), restored.issuing());
        }
        assertEquals(
                List.of(9L, 10L, 11L, 12L),
                List.of(
                        steady.bundle().sequence(),
                        prepared.bundle().sequence(),
                        active.bundle().sequence(),
                        retired.bundle().sequence()));
        assertEquals(REFRESH, retired.bundle().refreshHint());
    }

    @Test
    void policiesAndReportsAreCheckedOnConstruction() {
        assertEquals(new RotationPolicy(95, 1, Duration.ofDays(30)), RotationPolicy.DEFAULT);
        Duration day = Duration.ofDays(1);
        assertThrows(IllegalArgumentException.class, () -> new RotationPolicy(0, 1, day));
        assertThrows(IllegalArgumentException.class, () -> new RotationPolicy(101, 1, day));
        assertThrows(IllegalArgumentException.class, () -> new RotationPolicy(50, -1, day));
        assertThrows(IllegalArgumentException.class, () -> new RotationPolicy(50, 1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RotationPolicy(50, 1, day.negated()));
        assertThrows(IllegalArgumentException.class, () -> new Propagation(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Propagation(1, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Propagation(1, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> new Propagation(1, 1, 2));
        RotationPolicy all = new RotationPolicy(100, 1, day);
        assertTrue(all.propagated(new Propagation(1, Integer.MAX_VALUE, Integer.MAX_VALUE)));
        assertFalse(all.propagated(new Propagation(1, Integer.MAX_VALUE, Integer.MAX_VALUE - 1)));
    }
}
