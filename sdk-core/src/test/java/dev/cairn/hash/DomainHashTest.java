package dev.cairn.hash;

import static dev.cairn.bytes.ByteGens.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainHashTest {

    /** The construction of spec/hashing.md, written out literally: SHA-256(len(tag) || tag || data). */
    static byte[] reference(String tag, byte[] data) {
        try {
            byte[] ascii = tag.getBytes(StandardCharsets.US_ASCII);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(new byte[] {(byte) ascii.length});
            sha256.update(ascii);
            sha256.update(data);
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void matchesTheReferenceOnArbitraryData() {
        qt().forAll(arbitrary().enumValues(HashDomain.class), bytes(300)).checkAssert((domain, data) -> {
            byte[] expected = reference(domain.tag(), data);
            assertArrayEquals(expected, DomainHash.of(domain, data).toByteArray());
            assertArrayEquals(
                    expected, DomainHash.of(domain, Bytes.copyOf(data)).toByteArray());
        });
    }

    @Test
    void knownAnswers() {
        // SHA-256(0x0c || "cairn/kid/v1") and SHA-256(0x0c || "cairn/kid/v1" || "abc"), computed outside Java.
        String emptyKid = "f943cb58fb8de443ad60cf150e294cb10eeb11a5c602d17a6e229c0936b3e034";
        assertEquals(Digest.fromHex(emptyKid), DomainHash.of(HashDomain.KEY_ID, new byte[0]));
        assertArrayEquals(
                reference("cairn/kid/v1", new byte[0]), Digest.fromHex(emptyKid).toByteArray());
        assertEquals(
                Digest.fromHex("1dc5ee8f09b118f0971de906c73f4804e97ee4e52330de54526383930096fac7"),
                DomainHash.of(HashDomain.KEY_ID, "abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void differsFromPlainSha256() throws NoSuchAlgorithmException {
        byte[] data = "abc".getBytes(StandardCharsets.US_ASCII);
        byte[] plain = MessageDigest.getInstance("SHA-256").digest(data);
        assertNotEquals(Digest.of(plain), DomainHash.of(HashDomain.KEY_ID, data));
    }

    @Test
    void incrementalEqualsOneShot() {
        qt().forAll(
                        arbitrary().enumValues(HashDomain.class),
                        bytes(200),
                        lists().of(integers().between(0, 200)).ofSizeBetween(0, 6))
                .checkAssert((domain, data, cuts) -> {
                    int[] points = cuts.stream()
                            .mapToInt(c -> Math.min(c, data.length))
                            .sorted()
                            .toArray();
                    DomainHash hasher = DomainHash.start(domain);
                    int from = 0;
                    for (int point : points) {
                        hasher.update(Arrays.copyOfRange(data, from, point));
                        from = point;
                    }
                    hasher.update(Arrays.copyOfRange(data, from, data.length));
                    assertEquals(DomainHash.of(domain, data), hasher.finish());
                });
    }

    @Test
    void hashersAreIndependent() {
        DomainHash a = DomainHash.start(HashDomain.KEY_ID);
        DomainHash b = DomainHash.start(HashDomain.KEY_ID);
        a.update(new byte[] {1});
        assertEquals(DomainHash.of(HashDomain.KEY_ID, new byte[0]), b.finish());
        assertEquals(DomainHash.of(HashDomain.KEY_ID, new byte[] {1}), a.finish());
    }

    @Test
    void updateCopiesNothingLate() {
        byte[] data = {1, 2, 3};
        DomainHash hasher = DomainHash.start(HashDomain.KEY_ID).update(data);
        data[0] = 9;
        assertEquals(DomainHash.of(HashDomain.KEY_ID, new byte[] {1, 2, 3}), hasher.finish());
    }

    @Test
    void everyDomainHasItsOwnDigestOfTheSameData() {
        List<HashDomain> domains = List.of(HashDomain.values());
        qt().withExamples(100).forAll(bytes(64)).checkAssert(data -> {
            long distinct = domains.stream()
                    .map(domain -> DomainHash.of(domain, data))
                    .distinct()
                    .count();
            assertEquals(domains.size(), distinct);
        });
    }
}
