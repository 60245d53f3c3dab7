package dev.cairn.trust.revocation;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.cairn.keys.KeySet;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.identity.TrustDomain;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.quicktheories.core.Gen;

/** Shared test data: a trust domain, a settable clock, chains of random serials, and an issuer. */
final class RevocationFixtures {
    static final TrustDomain TD = new TrustDomain("demo.example");
    static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    private RevocationFixtures() {}

    /** A positive serial of up to 127 bits, as the CA draws them. */
    static BigInteger serial(SplittableRandom random) {
        BigInteger serial;
        do {
            serial = new BigInteger(1 + random.nextInt(127), new Random(random.nextLong()));
        } while (serial.signum() == 0);
        return serial;
    }

    /** {@code n} entries with distinct random serials and reasons, times non-decreasing from T0. */
    static List<RevocationEntry> entries(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RevocationReason[] reasons = RevocationReason.values();
        Set<BigInteger> seen = new HashSet<>();
        List<RevocationEntry> out = new ArrayList<>(n);
        long time = T0.toEpochMilli();
        while (out.size() < n) {
            BigInteger serial = serial(random);
            if (seen.add(serial)) {
                time += random.nextInt(5000);
                out.add(new RevocationEntry(
                        out.size(), serial, reasons[random.nextInt(reasons.length)], Instant.ofEpochMilli(time)));
            }
        }
        return List.copyOf(out);
    }

    /** Chains of 0 to {@code max} entries. */
    static Gen<List<RevocationEntry>> chains(int max) {
        return integers()
                .between(0, max)
                .zip(integers().all(), (n, seed) -> entries(n, seed))
                .describedAs(list -> list.size() + " entries");
    }

    /** Arbitrary bytes, shrinking towards short arrays of zeros. */
    static Gen<byte[]> bytes(int maxLength) {
        return lists().of(integers().between(0, 255))
                .ofSizeBetween(0, maxLength)
                .map(values -> {
                    byte[] out = new byte[values.size()];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = (byte) (int) values.get(i);
                    }
                    return out;
                })
                .describedAs(b -> HexFormat.of().formatHex(b));
    }

    /** An issuer's key and head signer; it signs whatever heads the test asks for. */
    static final class Issuer {
        final SigningKey key;
        final RevocationHeadSigner signer;

        Issuer(KeyType type) {
            this.key = SigningKey.generate(type, new SecureRandom());
            this.signer = new RevocationHeadSigner(key);
        }

        KeySet keys() {
            return KeySet.of(key.verificationKey());
        }

        byte[] head(long sequence, ChainPosition position, Instant issuedAt, Duration validity) {
            return signer.sign(RevocationHead.of(TD, sequence, position, issuedAt, issuedAt.plus(validity)));
        }

        byte[] head(long sequence, List<RevocationEntry> chain, Instant issuedAt) {
            return head(sequence, ChainPosition.GENESIS.extend(chain), issuedAt, Duration.ofHours(1));
        }
    }
}
