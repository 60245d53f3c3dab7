package dev.cairn.agent.state;

import static dev.cairn.agent.state.AgentFixture.ACCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.agent.AgentExit;
import dev.cairn.agent.host.HostBinding;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.bundle.CaEntry;
import dev.cairn.trust.bundle.CaStatus;
import dev.cairn.trust.bundle.TrustBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StateCheckTest {
    @TempDir
    Path tmp;

    private Path dir;
    private AgentFixture fixture;
    private Enrollment enrollment;

    @BeforeEach
    void setUp() {
        dir = tmp.resolve("state");
        fixture = new AgentFixture(tmp.resolve("host"));
        enrollment = fixture.enrollment("jr-1");
    }

    private StateCheck check(Clock clock) {
        return StateCheck.builder().clock(clock).hostBinding(fixture.host).build();
    }

    private StateCheck check() {
        return check(fixture.clock);
    }

    private CairnException failure(StateCheck check, StateSnapshot snapshot) {
        return assertThrows(CairnException.class, () -> check.check(snapshot, ACCESS));
    }

    /** Publishes pending then the active state the function makes from the key, and returns the snapshot. */
    private StateSnapshot activeWith(java.util.function.Function<SigningKey, ActiveState> active) {
        try (StateDirectory state = StateDirectory.open(dir)) {
            SigningKey key = state.createKey(fixture.type, fixture.random, ACCESS);
            state.publish(fixture.pending(enrollment, key));
            state.publish(active.apply(key));
            return state.snapshot().orElseThrow();
        }
    }

    private StateSnapshot active() {
        return activeWith(key -> fixture.active(enrollment, key, AgentFixture.node("n-1")));
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void aGoodActiveStatePasses(KeyType type) {
        fixture = new AgentFixture(tmp.resolve("host-" + type), type, fixture.clock);
        enrollment = fixture.enrollment("jr-1");
        StateSnapshot snapshot = active();
        CheckedActive checked = assertInstanceOf(CheckedActive.class, check().check(snapshot, ACCESS));
        ActiveState state = (ActiveState) snapshot.state();
        assertEquals(AgentFixture.node("n-1"), checked.identity());
        assertEquals(state.chain(), checked.chain());
        assertEquals(List.of(state.chain().get(0), state.chain().get(1), fixture.root()), checked.path());
        assertEquals(state.certificate().getNotAfter().toInstant(), checked.notAfter());
        assertEquals(state.renewAt(), checked.renewAt());
        assertEquals(fixture.clock.instant(), checked.checkedAt());
        assertEquals(state.nodeKey(), checked.key().verificationKey());
        assertEquals(checked.generation(), check().check(dir, ACCESS).generation());
        try (StateDirectory open = StateDirectory.open(dir)) {
            assertEquals(checked.generation(), check().check(open, ACCESS).generation());
        }
    }

    @Test
    void aPendingStatePassesWithItsKey() {
        SigningKey key;
        try (StateDirectory state = StateDirectory.open(dir)) {
            key = state.createKey(fixture.type, fixture.random, ACCESS);
            state.publish(fixture.pending(enrollment, key));
        }
        CheckedPending checked = assertInstanceOf(CheckedPending.class, check().check(dir, ACCESS));
        assertEquals(key.verificationKey(), checked.key().verificationKey());
        assertEquals(Optional.of("jr-1"), checked.state().enrollment().joinRequestId());
    }

    @Test
    void nothingPublishedIsNotEnrolled() throws IOException {
        CairnException e = assertThrows(CairnException.class, () -> check().check(dir, ACCESS));
        assertEquals(ErrorCode.AGENT_NOT_ENROLLED, e.code());
        assertEquals(AgentExit.NOT_ENROLLED, AgentExit.of(e));
        try (StateDirectory state = StateDirectory.open(dir)) {
            assertEquals(
                    ErrorCode.AGENT_NOT_ENROLLED,
                    assertThrows(CairnException.class, () -> check().check(state, ACCESS))
                            .code());
        }
    }

    @ParameterizedTest
    @EnumSource(FenceReason.class)
    void aFencedStateFailsWithItsReason(FenceReason reason) {
        try (StateDirectory state = StateDirectory.open(dir)) {
            SigningKey key = state.createKey(fixture.type, fixture.random, ACCESS);
            state.publish(fixture.pending(enrollment, key));
            state.publish(FencedState.of(state.current().orElseThrow().state(), reason, fixture.clock.instant(), "x"));
        }
        CairnException e = assertThrows(CairnException.class, () -> check().check(dir, ACCESS));
        assertEquals(ErrorCode.AGENT_FENCED, e.code());
        assertEquals(reason.wireName(), e.details().get("reason"));
        AgentExit expected = switch (reason) {
            case REVOKED -> AgentExit.FENCED_REVOKED;
            case STALE_TRUST -> AgentExit.FENCED_STALE_TRUST;
            case REJECTED -> AgentExit.FENCED_REJECTED;
        };
        assertEquals(expected, AgentExit.of(e));
    }

    @Test
    void aStateDirectoryCopiedToAnotherHostIsRefused() throws IOException {
        active();
        Path copy = tmp.resolve("copy");
        Files.createDirectory(copy);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path source : files.toList()) {
                Files.copy(
                        source,
                        copy.resolve(dir.relativize(source).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES,
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path otherHost = tmp.resolve("other-host");
        AgentFixture.writeMachineId(otherHost, "fedcba9876543210fedcba9876543210");
        StateCheck elsewhere = StateCheck.builder()
                .clock(fixture.clock)
                .hostBinding(HostBinding.at(otherHost))
                .build();
        CairnException e = assertThrows(CairnException.class, () -> elsewhere.check(copy, ACCESS));
        assertEquals(ErrorCode.AGENT_HOST_MISMATCH, e.code());
        assertEquals(enrollment.host().toString(), e.details().get("expected"));
        assertEquals(HostBinding.at(otherHost).current().toString(), e.details().get("found"));
        assertEquals(AgentExit.HOST_MISMATCH, AgentExit.of(e));
        assertInstanceOf(CheckedActive.class, check().check(copy, ACCESS), "the same copy on its own host");
        StateCheck ignoring =
                StateCheck.builder().clock(fixture.clock).ignoreHostBinding().build();
        assertInstanceOf(CheckedActive.class, ignoring.check(copy, ACCESS));
    }

    @Test
    void theHostChoiceIsExplicit() {
        assertThrows(IllegalStateException.class, () -> StateCheck.builder().build());
    }

    @Test
    void expiredAndNotYetValidCertificatesFailSafe() {
        StateSnapshot snapshot = active();
        X509Certificate leaf = ((ActiveState) snapshot.state()).certificate();
        Instant notAfter = leaf.getNotAfter().toInstant();
        Instant notBefore = leaf.getNotBefore().toInstant();
        assertInstanceOf(CheckedActive.class, check(at(notAfter)).check(snapshot, ACCESS));
        assertInstanceOf(CheckedActive.class, check(at(notBefore)).check(snapshot, ACCESS));
        CairnException expired = failure(check(at(notAfter.plusSeconds(1))), snapshot);
        assertEquals(ErrorCode.AGENT_CERT_EXPIRED, expired.code());
        assertEquals(AgentExit.CERTIFICATE_NOT_VALID, AgentExit.of(expired));
        CairnException early = failure(check(at(notBefore.minusSeconds(1))), snapshot);
        assertEquals(ErrorCode.AGENT_CERT_NOT_YET_VALID, early.code());
        assertEquals(AgentExit.CERTIFICATE_NOT_VALID, AgentExit.of(early));
        CairnException caExpired = failure(
                check(at(fixture.ca.chain().get(0).getNotAfter().toInstant().plusSeconds(1))), snapshot);
        assertEquals(ErrorCode.AGENT_CERT_EXPIRED, caExpired.code(), "the intermediate expired too");
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void aCertificateForAnotherKeyIsAKeyMismatch() {
        StateSnapshot snapshot = active();
        ActiveState good = (ActiveState) snapshot.state();
        SigningKey stranger = SigningKey.generate(fixture.type, fixture.random);
        ActiveState swapped = fixture.active(
                enrollment, snapshot.readKey(ACCESS), good.identity(), fixture.issue(stranger, good.identity()));
        CairnException e = failure(check(), new StateSnapshot(dir, new Generation(2, swapped)));
        assertEquals(ErrorCode.AGENT_KEY_MISMATCH, e.code());
        assertEquals(AgentExit.BAD_LOCAL_STATE, AgentExit.of(e));
    }

    @Test
    void aKeyFileWithAnotherKeyIsAKeyMismatch() throws IOException {
        StateSnapshot snapshot = active();
        ActiveState good = (ActiveState) snapshot.state();
        Path keyFile = dir.resolve(StateJson.keyFileName(good.nodeKey()));
        Files.delete(keyFile);
        dev.cairn.trust.keyfile.KeyFiles.writePrivateKey(
                keyFile, SigningKey.generate(fixture.type, fixture.random), ACCESS);
        assertEquals(ErrorCode.AGENT_KEY_MISMATCH, failure(check(), snapshot).code());
        assertEquals(
                ErrorCode.AGENT_STATE_DIGEST_MISMATCH,
                assertThrows(CairnException.class, () -> check().check(dir, ACCESS))
                        .code());
    }

    @Test
    void aCertificateForAnotherIdentityIsRefused() {
        activeWith(key -> fixture.active(
                enrollment, key, AgentFixture.node("n-1"), fixture.issue(key, AgentFixture.node("n-2"))));
        CairnException e = assertThrows(CairnException.class, () -> check().check(dir, ACCESS));
        assertEquals(ErrorCode.AGENT_CERT_IDENTITY_MISMATCH, e.code());
        assertEquals(AgentFixture.node("n-1").uri(), e.details().get("expected"));
        assertEquals(AgentFixture.node("n-2").uri(), e.details().get("found"));
    }

    @Test
    void aCertificateFromAnotherCaIsUntrusted() {
        AgentFixture otherCa = new AgentFixture(tmp.resolve("host"));
        activeWith(key -> fixture.active(
                enrollment, key, AgentFixture.node("n-1"), otherCa.issue(key, AgentFixture.node("n-1"))));
        CairnException e = assertThrows(CairnException.class, () -> check().check(dir, ACCESS));
        assertEquals(ErrorCode.AGENT_CERT_UNTRUSTED, e.code());
        assertEquals(AgentExit.BAD_LOCAL_STATE, AgentExit.of(e));
    }

    @Test
    void aBundleWithoutThePinnedRootIsAPinMismatch() {
        AgentFixture otherCa = new AgentFixture(tmp.resolve("host"));
        Enrollment pinnedElsewhere = new Enrollment(
                enrollment.serverUrl(), otherCa.pin, enrollment.cluster(), Optional.of("jr-1"), enrollment.host());
        enrollment = pinnedElsewhere;
        active();
        CairnException e = assertThrows(CairnException.class, () -> check().check(dir, ACCESS));
        assertEquals(ErrorCode.AGENT_TRUST_PIN_MISMATCH, e.code());
        assertEquals(otherCa.pin.toString(), e.details().get("expected"));
    }

    @Test
    void aBundleWithoutTheIssuerIsUntrusted() {
        TrustBundle rootOnly = new TrustBundle(
                AgentFixture.TD, 2, Duration.ofMinutes(5), List.of(new CaEntry(fixture.root(), CaStatus.CURRENT)));
        activeWith(key -> {
            ActiveState state = fixture.active(enrollment, key, AgentFixture.node("n-1"));
            return new ActiveState(
                    enrollment,
                    state.nodeKey(),
                    state.identity(),
                    state.chain(),
                    rootOnly,
                    Optional.empty(),
                    state.renewAt());
        });
        assertEquals(
                ErrorCode.AGENT_CERT_UNTRUSTED,
                assertThrows(CairnException.class, () -> check().check(dir, ACCESS))
                        .code());
    }

    @Test
    void aStoredChainThatIsNotThePathIsUntrusted() {
        activeWith(key -> {
            List<X509Certificate> chain = fixture.issue(key, AgentFixture.node("n-1"));
            return fixture.active(enrollment, key, AgentFixture.node("n-1"), List.of(chain.get(0), fixture.root()));
        });
        assertEquals(
                ErrorCode.AGENT_CERT_UNTRUSTED,
                assertThrows(CairnException.class, () -> check().check(dir, ACCESS))
                        .code());
    }

    @Test
    void aMissingCertificateFailsSafe() throws IOException {
        active();
        Files.delete(dir.resolve("gen-2").resolve(StateJson.CHAIN_FILE));
        CairnException e = assertThrows(CairnException.class, () -> check().check(dir, ACCESS));
        assertEquals(ErrorCode.AGENT_STATE_INCOMPLETE, e.code());
        assertEquals(AgentExit.BAD_LOCAL_STATE, AgentExit.of(e));
    }
}
