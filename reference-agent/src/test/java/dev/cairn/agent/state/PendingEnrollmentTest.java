package dev.cairn.agent.state;

import static dev.cairn.agent.state.AgentFixture.ACCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.SecretBytes;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.bundle.CaEntry;
import dev.cairn.trust.bundle.CaStatus;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.csr.Csr;
import dev.cairn.trust.csr.CsrBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pending phase as enrollment uses it: published with its key and CSR before the join request is
 * submitted, then with the join request id and poll secret, then active with the cluster learned.
 */
class PendingEnrollmentTest {
    @TempDir
    Path tmp;

    private AgentFixture fixture;
    private Path dir;

    @BeforeEach
    void setUp() {
        fixture = new AgentFixture(tmp.resolve("host"));
        dir = tmp.resolve("state");
    }

    private Enrollment prepared(Optional<String> cluster) {
        return Enrollment.prepared(AgentFixture.SERVER, fixture.pin, cluster, fixture.hostFingerprint());
    }

    private static ErrorCode code(Runnable call) {
        return assertThrows(CairnException.class, call::run).code();
    }

    @Test
    void prepareSubmitActivateEachReadBackAndTheSecretStaysHidden() throws IOException {
        try (StateDirectory state = StateDirectory.open(dir)) {
            SigningKey key = state.createKey(fixture.type, fixture.random, ACCESS);
            Csr csr = CsrBuilder.build(key, Optional.empty());
            PendingState ready = PendingState.prepared(prepared(Optional.empty()), key.verificationKey(), csr);
            state.publish(ready);
            assertEquals(ready, StateDirectory.read(dir).orElseThrow().state());
            assertFalse(ready.isSubmitted());
            assertEquals(
                    csr.pem(), Files.readString(dir.resolve("gen-1").resolve("csr.pem"), StandardCharsets.US_ASCII));

            SecretBytes secret = fixture.pollSecret();
            PendingState submitted = ready.submitted("jr-0123456789abcdef", secret);
            state.publish(submitted);
            PendingState read =
                    (PendingState) StateDirectory.read(dir).orElseThrow().state();
            assertEquals(submitted, read);
            assertTrue(read.pollSecret().orElseThrow().equalsSecret(secret));
            assertFalse(read.toString()
                    .contains(Bytes.copyOf(secret.toByteArray(ACCESS)).toBase64Url()));
            assertEquals(Optional.of("jr-0123456789abcdef"), read.enrollment().joinRequestId());
            assertEquals(Optional.empty(), read.enrollment().cluster(), "the cluster comes from the identity");

            CheckedState checked = StateCheck.builder()
                    .clock(fixture.clock)
                    .hostBinding(fixture.host)
                    .build()
                    .check(state, ACCESS);
            assertTrue(checked instanceof CheckedPending);

            Enrollment learned = submitted.enrollment().withCluster(AgentFixture.CLUSTER);
            ActiveState active = fixture.active(learned, key, AgentFixture.node("n-1"));
            state.publish(active);
            assertEquals(active, StateDirectory.read(dir).orElseThrow().state());
        }
    }

    @Test
    void theLearnedPartsOfAPendingEnrollmentAreSetOnce() {
        try (StateDirectory state = StateDirectory.open(dir)) {
            SigningKey key = state.createKey(fixture.type, fixture.random, ACCESS);
            Csr csr = CsrBuilder.build(key, Optional.empty());
            PendingState ready = PendingState.prepared(prepared(Optional.of("c1")), key.verificationKey(), csr);
            state.publish(ready);
            assertEquals(
                    ErrorCode.AGENT_STATE_TRANSITION,
                    code(() -> state.publish(
                            fixture.active(ready.enrollment().withJoinRequest("jr-1"), key, AgentFixture.node("n-1")))),
                    "active needs a submitted join request in the pending state");
            PendingState submitted = ready.submitted("jr-1", fixture.pollSecret());
            state.publish(submitted);
            assertEquals(
                    ErrorCode.AGENT_STATE_TRANSITION,
                    code(() -> state.publish(ready.submitted("jr-1", fixture.pollSecret()))),
                    "another poll secret");
            assertEquals(
                    ErrorCode.AGENT_STATE_TRANSITION,
                    code(() -> state.publish(
                            ready.submitted("jr-2", submitted.pollSecret().orElseThrow()))),
                    "another join request id");
            assertEquals(
                    ErrorCode.AGENT_STATE_TRANSITION,
                    code(() -> state.publish(new PendingState(
                            submitted.enrollment(),
                            submitted.nodeKey(),
                            Optional.of(CsrBuilder.build(key, Optional.of(AgentFixture.node("n-1")))),
                            submitted.pollSecret(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty()))),
                    "another CSR");
            assertEquals(
                    ErrorCode.AGENT_STATE_MALFORMED,
                    code(() -> submitted.enrollment().withCluster("c2")),
                    "a cluster hint is fixed");
            FencedState fenced = FencedState.of(submitted, FenceReason.REJECTED, fixture.clock.instant(), "denied");
            state.publish(fenced);
            SigningKey fresh = state.createKey(fixture.type, fixture.random, ACCESS);
            state.publish(PendingState.prepared(
                    prepared(Optional.empty()), fresh.verificationKey(), CsrBuilder.build(fresh, Optional.empty())));
            assertTrue(
                    ((PendingState) state.current().orElseThrow().state()).csr().isPresent());
        }
    }

    @Test
    void aPollSecretGoesWithAJoinRequestIdAndAStoredCsrMustBeTheKeys() throws IOException {
        SigningKey key = SigningKey.generate(fixture.type, fixture.random);
        Enrollment unsubmitted = prepared(Optional.empty());
        assertEquals(
                ErrorCode.AGENT_STATE_MALFORMED,
                code(() -> PendingState.of(unsubmitted, key.verificationKey(), Optional.of(fixture.pollSecret()))));
        assertEquals(
                ErrorCode.AGENT_STATE_MALFORMED,
                code(() ->
                        PendingState.of(unsubmitted.withJoinRequest("jr-1"), key.verificationKey(), Optional.empty())));
        assertEquals(
                ErrorCode.AGENT_STATE_MALFORMED,
                code(() -> PendingState.of(
                        unsubmitted.withJoinRequest("jr-1"),
                        key.verificationKey(),
                        Optional.of(SecretBytes.random(16, fixture.random)))));

        try (StateDirectory state = StateDirectory.open(dir)) {
            SigningKey stored = state.createKey(fixture.type, fixture.random, ACCESS);
            SigningKey other = SigningKey.generate(fixture.type, fixture.random);
            state.publish(PendingState.prepared(
                    unsubmitted, stored.verificationKey(), CsrBuilder.build(other, Optional.empty())));
        }
        assertEquals(
                ErrorCode.AGENT_STATE_MALFORMED,
                code(() -> StateDirectory.read(dir)),
                "a CSR of another key than the state's is damage");
    }

    @Test
    void aBundleOfIntermediatesWithTheRootInTheStoredChainPassesStartUp() {
        try (StateDirectory state = StateDirectory.open(dir)) {
            SigningKey key = state.createKey(fixture.type, fixture.random, ACCESS);
            Enrollment enrollment = fixture.enrollment("jr-1");
            state.publish(fixture.pending(enrollment, key));
            List<X509Certificate> chain = new ArrayList<>(fixture.issue(key, AgentFixture.node("n-1")));
            chain.add(fixture.root());
            TrustBundle intermediates = new TrustBundle(
                    AgentFixture.TD,
                    1,
                    Duration.ofMinutes(5),
                    List.of(new CaEntry(fixture.ca.chain().get(0), CaStatus.CURRENT)));
            ActiveState active = new ActiveState(
                    enrollment,
                    key.verificationKey(),
                    AgentFixture.node("n-1"),
                    chain,
                    intermediates,
                    Optional.of(fixture.head()),
                    fixture.active(enrollment, key, AgentFixture.node("n-1")).renewAt());
            state.publish(active);
            StateCheck check = StateCheck.builder()
                    .clock(fixture.clock)
                    .hostBinding(fixture.host)
                    .build();
            CheckedActive checked = (CheckedActive) check.check(state, ACCESS);
            assertEquals(chain, checked.path(), "leaf, intermediate from the bundle, root from the chain");

            ActiveState withoutRoot = new ActiveState(
                    enrollment,
                    key.verificationKey(),
                    AgentFixture.node("n-1"),
                    chain.subList(0, 2),
                    intermediates,
                    Optional.of(fixture.head()),
                    active.renewAt());
            state.publish(withoutRoot);
            assertEquals(ErrorCode.AGENT_TRUST_PIN_MISMATCH, code(() -> check.check(state, ACCESS)));
        }
    }
}
