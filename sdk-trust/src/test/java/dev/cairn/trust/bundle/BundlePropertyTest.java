package dev.cairn.trust.bundle;

import static dev.cairn.trust.bundle.BundleFixtures.bundle;
import static dev.cairn.trust.bundle.BundleFixtures.current;
import static dev.cairn.trust.bundle.BundleFixtures.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.bundle.BundleFixtures.Hierarchy;
import dev.cairn.trust.identity.TrustDomain;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class BundlePropertyTest {
    private static final Hierarchy A = BundleFixtures.hierarchy(KeyType.ED25519);
    private static final Hierarchy B = BundleFixtures.hierarchy(KeyType.P256);
    private static final Hierarchy C = BundleFixtures.hierarchy(KeyType.ED25519);
    private static final byte[] JWKS =
            TrustBundleJwks.render(bundle(3, current(A.intermediate()), next(B.intermediate())));
    private static final byte[] PEM = TrustBundlePem.render(
                    bundle(3, current(A.intermediate()), next(B.intermediate())))
            .getBytes(StandardCharsets.US_ASCII);
    private static final Set<ErrorCode> UPDATE_CODES = Set.of(
            ErrorCode.BUNDLE_MALFORMED,
            ErrorCode.BUNDLE_ROLLBACK,
            ErrorCode.BUNDLE_SIGNER_UNTRUSTED,
            ErrorCode.BUNDLE_TRUST_DOMAIN_MISMATCH);

    private static Gen<byte[]> bytes(int max) {
        return lists().of(integers().between(0, 255)).ofSizeBetween(0, max).map(values -> {
            byte[] out = new byte[values.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) (int) values.get(i);
            }
            return out;
        });
    }

    /** The input parses to a value or raises MalformedInputException; nothing else escapes. */
    private static void valueOrMalformed(Function<byte[], ?> parser, byte[] input) {
        try {
            parser.apply(input);
        } catch (MalformedInputException e) {
            assertEquals(ErrorCode.BUNDLE_MALFORMED, e.code());
        } catch (RuntimeException e) {
            fail("escaped: " + e, e);
        }
    }

    /** A valid input with up to three bytes replaced, then perhaps cut short. */
    private static byte[] mutated(byte[] good, List<Integer> edits) {
        byte[] out = good.clone();
        for (int i = 0; i + 1 < edits.size() - 1; i += 2) {
            out[edits.get(i) % out.length] = (byte) (int) edits.get(i + 1);
        }
        int cut = edits.get(edits.size() - 1);
        return cut % 4 == 0 ? Arrays.copyOf(out, cut % out.length) : out;
    }

    @Test
    void arbitraryBytesYieldABundleOrMalformedInput() {
        TrustBundleState state = new TrustBundleState(bundle(1, current(A.intermediate())));
        TrustBundle held = state.current();
        qt().withExamples(500).forAll(bytes(600)).checkAssert(input -> {
            valueOrMalformed(TrustBundleJwks::parse, input);
            valueOrMalformed(TrustBundlePem::parse, input);
            try {
                state.update(input);
            } catch (CairnException e) {
                assertEquals(ErrorCode.BUNDLE_MALFORMED, e.code());
            }
            assertSame(held, state.current());
        });
        qt().withExamples(500)
                .forAll(strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(0, 200))
                .checkAssert(text -> {
                    byte[] input = text.getBytes(StandardCharsets.US_ASCII);
                    valueOrMalformed(TrustBundleJwks::parse, input);
                    valueOrMalformed(TrustBundlePem::parse, input);
                });
    }

    @Test
    void mutatedBundlesYieldABundleOrMalformedInput() {
        Gen<List<Integer>> edits =
                lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(3, 7);
        qt().withExamples(1000).forAll(edits).checkAssert(edit -> {
            valueOrMalformed(TrustBundleJwks::parse, mutated(JWKS, edit));
            valueOrMalformed(TrustBundlePem::parse, mutated(PEM, edit));
        });
    }

    /** One random update: which bundle, signed by whom, altered how. */
    private record Op(long sequence, int entries, int signer, int damage, int position) {
        static Op of(List<Integer> v) {
            return new Op(1 + v.get(0) % 12, v.get(1) % 3, v.get(2) % 4, v.get(3) % 5, v.get(4));
        }

        TrustBundle bundle() {
            List<CaEntry> list = switch (entries) {
                case 0 -> List.of(current(A.intermediate()));
                case 1 -> List.of(current(A.intermediate()), next(B.intermediate()));
                default -> List.of(current(B.intermediate()), current(C.intermediate()));
            };
            TrustDomain domain = damage == 1 ? new TrustDomain("other.example") : BundleFixtures.TD;
            return new TrustBundle(domain, sequence, BundleFixtures.REFRESH, list);
        }

        SigningKey key() {
            return switch (signer) {
                case 0 -> A.key();
                case 1 -> B.key();
                case 2 -> C.key();
                default -> A.rootKey();
            };
        }

        byte[] signed() {
            byte[] out = TrustBundleSigner.sign(bundle(), key());
            if (damage == 2) {
                out[position % out.length] ^= (byte) (1 << (position % 8));
            } else if (damage == 3) {
                out = Arrays.copyOf(out, position % out.length);
            }
            return out;
        }
    }

    @Test
    void theHeldSequenceNeverGoesBackAndAFailedUpdateChangesNothing() {
        Gen<Op> ops =
                lists().of(integers().between(0, Integer.MAX_VALUE)).ofSize(5).map(Op::of);
        qt().withExamples(150).forAll(lists().of(ops).ofSizeBetween(1, 12)).checkAssert(list -> {
            TrustBundleState state =
                    new TrustBundleState(bundle(5, current(A.intermediate()), current(B.intermediate())));
            byte[] lastAccepted = new byte[0];
            for (Op op : list) {
                TrustBundle before = state.current();
                byte[] signed = op.signed();
                boolean undamaged = op.damage() != 2 && op.damage() != 3;
                Optional<ErrorCode> want = Arrays.equals(signed, lastAccepted) ? Optional.empty() : model(op, before);
                try {
                    TrustBundle after = state.update(signed);
                    assertSame(after, state.current());
                    assertTrue(after == before || after.sequence() > before.sequence(), op.toString());
                    if (undamaged) {
                        assertEquals(Optional.empty(), want, op.toString());
                    }
                    if (after != before) {
                        assertEquals(op.bundle(), after);
                        lastAccepted = signed;
                    }
                } catch (CairnException e) {
                    assertTrue(UPDATE_CODES.contains(e.code()), e.toString());
                    assertSame(before, state.current(), "a failed update changed the state");
                    if (undamaged) {
                        assertEquals(want, Optional.of(e.code()), op.toString());
                    }
                }
            }
        });
    }

    /** The outcome spec/trust-bundle.md requires for an undamaged update: a refusal, or empty to accept. */
    private static Optional<ErrorCode> model(Op op, TrustBundle held) {
        if (held.keys().find(op.key().verificationKey().kid()).isEmpty()) {
            return Optional.of(ErrorCode.BUNDLE_SIGNER_UNTRUSTED);
        }
        if (!op.bundle().trustDomain().equals(held.trustDomain())) {
            return Optional.of(ErrorCode.BUNDLE_TRUST_DOMAIN_MISMATCH);
        }
        if (op.sequence() > held.sequence() || op.bundle().equals(held)) {
            return Optional.empty();
        }
        return Optional.of(ErrorCode.BUNDLE_ROLLBACK);
    }
}
