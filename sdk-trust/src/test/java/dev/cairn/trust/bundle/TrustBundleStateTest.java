package dev.cairn.trust.bundle;

import static dev.cairn.trust.bundle.BundleFixtures.bundle;
import static dev.cairn.trust.bundle.BundleFixtures.current;
import static dev.cairn.trust.bundle.BundleFixtures.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.CborMap;
import dev.cairn.cose.CoseSign1;
import dev.cairn.cose.CoseSigner;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.bundle.BundleFixtures.Hierarchy;
import dev.cairn.trust.identity.TrustDomain;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrustBundleStateTest {
    private static final Hierarchy ED = BundleFixtures.hierarchy(KeyType.ED25519);
    private static final Hierarchy EC = BundleFixtures.hierarchy(KeyType.P256);

    /** Asserts the code and that the held bundle did not change. */
    static void refused(ErrorCode code, TrustBundleState state, Executable update) {
        TrustBundle before = state.current();
        assertEquals(code, assertThrows(CairnException.class, update).code());
        assertSame(before, state.current());
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void aBundleSignedByAHeldCaWithAGreaterSequenceReplacesTheHeldOne(KeyType type) {
        Hierarchy h = BundleFixtures.hierarchy(type);
        TrustBundle first = bundle(1, current(h.intermediate()));
        TrustBundleState state = new TrustBundleState(first);
        TrustBundle second = bundle(2, current(h.intermediate()), next(ED.intermediate()));
        assertEquals(second, state.update(TrustBundleSigner.sign(second, h.key())));
        assertEquals(second, state.current());
        TrustBundle third = bundle(5, current(ED.intermediate()));
        assertEquals(third, state.update(TrustBundleSigner.sign(third, ED.key())));
        assertEquals(5, state.current().sequence());
    }

    @Test
    void theSameBundleAgainIsAReplayThatReturnsTheHeldOne() {
        TrustBundle held = bundle(4, current(ED.intermediate()), current(EC.intermediate()));
        TrustBundleState state = new TrustBundleState(held);
        assertSame(held, state.update(TrustBundleSigner.sign(held, ED.key())));
        assertSame(held, state.update(TrustBundleSigner.sign(held, EC.key())));
        TrustBundle next = bundle(5, current(ED.intermediate()));
        byte[] signed = TrustBundleSigner.sign(next, EC.key());
        TrustBundle updated = state.update(signed);
        assertSame(updated, state.update(signed), "the last accepted bytes, though EC is no longer held");
        assertSame(updated, state.update(TrustBundleSigner.sign(next, ED.key())));
        byte[] retimed = TrustBundleSigner.sign(bundle(6, current(ED.intermediate())), EC.key());
        refused(ErrorCode.BUNDLE_SIGNER_UNTRUSTED, state, () -> state.update(retimed));
    }

    @Test
    void aLowerSequenceOrTheSameSequenceWithOtherContentIsARollback() {
        TrustBundleState state =
                new TrustBundleState(bundle(10, current(ED.intermediate()), current(EC.intermediate())));
        refused(
                ErrorCode.BUNDLE_ROLLBACK,
                state,
                () -> state.update(TrustBundleSigner.sign(bundle(9, current(ED.intermediate())), ED.key())));
        refused(
                ErrorCode.BUNDLE_ROLLBACK,
                state,
                () -> state.update(TrustBundleSigner.sign(bundle(1, current(ED.intermediate())), ED.key())));
        refused(
                ErrorCode.BUNDLE_ROLLBACK,
                state,
                () -> state.update(TrustBundleSigner.sign(bundle(10, current(ED.intermediate())), ED.key())));
        TrustBundle otherHint = new TrustBundle(
                BundleFixtures.TD,
                10,
                java.time.Duration.ofMinutes(6),
                state.current().entries());
        refused(ErrorCode.BUNDLE_ROLLBACK, state, () -> state.update(TrustBundleSigner.sign(otherHint, ED.key())));
    }

    @Test
    void aBundleOfAnotherTrustDomainIsRefusedEvenWhenAHeldCaSignedIt() {
        TrustBundleState state = new TrustBundleState(bundle(1, current(ED.intermediate())));
        TrustBundle foreign = new TrustBundle(
                new TrustDomain("other.example"), 2, BundleFixtures.REFRESH, List.of(current(ED.intermediate())));
        refused(
                ErrorCode.BUNDLE_TRUST_DOMAIN_MISMATCH,
                state,
                () -> state.update(TrustBundleSigner.sign(foreign, ED.key())));
    }

    @Test
    void aBundleSignedByAKeyNotInTheHeldBundleIsRefused() {
        TrustBundleState state = new TrustBundleState(bundle(1, current(ED.intermediate())));
        TrustBundle newer = bundle(2, current(EC.intermediate()));
        refused(ErrorCode.BUNDLE_SIGNER_UNTRUSTED, state, () -> state.update(TrustBundleSigner.sign(newer, EC.key())));
        refused(
                ErrorCode.BUNDLE_SIGNER_UNTRUSTED,
                state,
                () -> state.update(TrustBundleSigner.sign(newer, ED.rootKey())));
        SigningKey stranger = SigningKey.generate(KeyType.ED25519, new SecureRandom());
        refused(ErrorCode.BUNDLE_SIGNER_UNTRUSTED, state, () -> state.update(TrustBundleSigner.sign(newer, stranger)));
    }

    @Test
    void aTamperedPayloadOrAnotherContentTypeIsNotSignedByTheHeldBundle() {
        TrustBundleState state =
                new TrustBundleState(bundle(1, current(ED.intermediate()), current(EC.intermediate())));
        byte[] good = TrustBundleJwks.render(bundle(2, current(ED.intermediate())));
        for (SigningKey key : List.of(ED.key(), EC.key())) {
            CoseSign1 signed = CoseSign1.decode(
                    TrustBundleSigner.sign(bundle(2, current(ED.intermediate())), key),
                    dev.cairn.cbor.CborLimits.DEFAULT);
            byte[] tampered = TrustBundleJwks.render(bundle(3, current(ED.intermediate())));
            CoseSign1 swapped = new CoseSign1(
                    signed.protectedHeader(),
                    signed.unprotectedHeader(),
                    Optional.of(Bytes.copyOf(tampered)),
                    signed.signature());
            refused(ErrorCode.BUNDLE_SIGNER_UNTRUSTED, state, () -> state.update(swapped.encode()));
            byte[] flipped = signed.signature().toByteArray();
            flipped[5] ^= 1;
            CoseSign1 badSignature = new CoseSign1(
                    signed.protectedHeader(), signed.unprotectedHeader(), signed.payload(), Bytes.copyOf(flipped));
            refused(ErrorCode.BUNDLE_SIGNER_UNTRUSTED, state, () -> state.update(badSignature.encode()));
            byte[] otherType = CoseSigner.builder(key)
                    .contentType("application/jwk-set+json")
                    .build()
                    .sign(good)
                    .encode();
            refused(ErrorCode.BUNDLE_SIGNER_UNTRUSTED, state, () -> state.update(otherType));
            byte[] noType = CoseSigner.builder(key).build().sign(good).encode();
            refused(ErrorCode.BUNDLE_SIGNER_UNTRUSTED, state, () -> state.update(noType));
            CoseSign1 detached = CoseSigner.builder(key)
                    .contentType(TrustBundleSigner.CONTENT_TYPE)
                    .build()
                    .signDetached(good);
            refused(ErrorCode.BUNDLE_MALFORMED, state, () -> state.update(detached.encode()));
        }
    }

    @Test
    void bytesThatAreNotASignedBundleAreMalformed() {
        TrustBundleState state = new TrustBundleState(bundle(1, current(ED.intermediate())));
        refused(ErrorCode.BUNDLE_MALFORMED, state, () -> state.update(new byte[0]));
        refused(
                ErrorCode.BUNDLE_MALFORMED,
                state,
                () -> state.update(TrustBundleJwks.render(bundle(2, current(ED.intermediate())))));
        refused(ErrorCode.BUNDLE_MALFORMED, state, () -> state.update(new byte[TrustBundleState.MAX_SIGNED_BYTES + 1]));
        byte[] notJwks = CoseSigner.builder(ED.key())
                .contentType(TrustBundleSigner.CONTENT_TYPE)
                .build()
                .sign("{\"keys\":[]}".getBytes(StandardCharsets.US_ASCII))
                .encode();
        refused(ErrorCode.BUNDLE_MALFORMED, state, () -> state.update(notJwks));
        CoseSign1 signed = CoseSign1.decode(
                TrustBundleSigner.sign(bundle(2, current(ED.intermediate())), ED.key()),
                dev.cairn.cbor.CborLimits.DEFAULT);
        CoseSign1 duplicateLabel = new CoseSign1(
                signed.protectedHeader(),
                CborMap.builder()
                        .put(dev.cairn.cbor.CborInt.of(1), dev.cairn.cbor.CborInt.of(-8))
                        .build(),
                signed.payload(),
                signed.signature());
        refused(ErrorCode.BUNDLE_MALFORMED, state, () -> state.update(duplicateLabel.encode()));
    }

    @Test
    void concurrentUpdatesEndAtTheGreatestSequenceAndReadersNeverSeeItGoBack() throws Exception {
        TrustBundleState state = new TrustBundleState(bundle(1, current(ED.intermediate())));
        List<byte[]> signed = new java.util.ArrayList<>();
        for (long sequence = 2; sequence <= 40; sequence++) {
            signed.add(TrustBundleSigner.sign(bundle(sequence, current(ED.intermediate())), ED.key()));
        }
        java.util.Collections.shuffle(signed, new java.util.Random(7));
        ConcurrentLinkedQueue<Long> seen = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?> reader = pool.submit(() -> {
                long last = 0;
                while (last < 40) {
                    long now = state.current().sequence();
                    assertTrue(now >= last, now + " after " + last);
                    last = now;
                    seen.add(now);
                }
            });
            List<Future<?>> writers = new java.util.ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int offset = t;
                writers.add(pool.submit(() -> {
                    for (int i = offset; i < signed.size(); i += 3) {
                        try {
                            state.update(signed.get(i));
                        } catch (CairnException e) {
                            assertEquals(ErrorCode.BUNDLE_ROLLBACK, e.code());
                        }
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            state.update(TrustBundleSigner.sign(bundle(40, current(ED.intermediate())), ED.key()));
            reader.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(40, state.current().sequence());
        assertTrue(!seen.isEmpty());
    }
}
