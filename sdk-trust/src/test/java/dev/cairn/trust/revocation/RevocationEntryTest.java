package dev.cairn.trust.revocation;

import static dev.cairn.trust.revocation.RevocationFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborText;
import dev.cairn.cbor.CborValue;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x509.CRLReason;
import org.junit.jupiter.api.Test;

class RevocationEntryTest {
    private static final RevocationEntry ENTRY =
            new RevocationEntry(0, new BigInteger("0123456789abcdef", 16), RevocationReason.KEY_COMPROMISE, T0);

    private static CborMap.Builder fields() {
        return CborMap.builder()
                .put(1, CborInt.of(0))
                .put(2, CborBytes.of(new byte[] {0x01, 0x23}))
                .put(3, CborInt.of(1))
                .put(4, CborInt.of(T0.toEpochMilli()));
    }

    private static ErrorCode rejected(CborValue value) {
        return assertThrows(MalformedInputException.class, () -> RevocationEntry.decode(Cbor.encode(value)))
                .code();
    }

    @Test
    void theSpecExampleEncodesAsDocumented() {
        assertEquals(
                "a4010002480123456789abcdef0301041b000001a20d6d5a00",
                ENTRY.encoded().toHex());
        assertEquals(ENTRY, RevocationEntry.decode(ENTRY.encoded().toByteArray()));
    }

    @Test
    void entriesRoundTripThroughTheirEncoding() {
        qt().withExamples(300).forAll(RevocationFixtures.chains(20)).checkAssert(chain -> {
            for (RevocationEntry entry : chain) {
                byte[] encoded = entry.encoded().toByteArray();
                assertEquals(entry, RevocationEntry.decode(encoded));
                assertArrayEquals(encoded, Cbor.encode(entry.toCbor()));
            }
            assertEquals(chain, RevocationEntries.decode(RevocationEntries.encode(chain)));
        });
    }

    @Test
    void reasonsAreTheRfc5280Codes() {
        Map<RevocationReason, Integer> rfc = Map.of(
                RevocationReason.UNSPECIFIED, CRLReason.unspecified,
                RevocationReason.KEY_COMPROMISE, CRLReason.keyCompromise,
                RevocationReason.CA_COMPROMISE, CRLReason.cACompromise,
                RevocationReason.AFFILIATION_CHANGED, CRLReason.affiliationChanged,
                RevocationReason.SUPERSEDED, CRLReason.superseded,
                RevocationReason.CESSATION_OF_OPERATION, CRLReason.cessationOfOperation,
                RevocationReason.PRIVILEGE_WITHDRAWN, CRLReason.privilegeWithdrawn);
        assertEquals(RevocationReason.values().length, rfc.size());
        rfc.forEach((reason, code) -> {
            assertEquals(code, reason.code());
            assertEquals(Optional.of(reason), RevocationReason.fromCode(code));
        });
        for (long unsupported : new long[] {-1, 6, 7, 8, 10, 11, 1L << 40}) {
            assertEquals(Optional.empty(), RevocationReason.fromCode(unsupported));
        }
    }

    @Test
    void serialsEncodeAsMinimalUnsignedBytes() {
        RevocationEntry top = new RevocationEntry(
                7,
                BigInteger.ONE.shiftLeft(RevocationEntry.MAX_SERIAL_BITS).subtract(BigInteger.ONE),
                ENTRY.reason(),
                T0);
        Bytes serial = top.toCbor().requireBytes(2);
        assertEquals(20, serial.length());
        assertEquals(0x7f, serial.get(0) & 0xff);
        assertEquals(top, RevocationEntry.decode(top.encoded().toByteArray()));
        RevocationEntry one = new RevocationEntry(0, BigInteger.ONE, ENTRY.reason(), T0);
        assertEquals("01", one.toCbor().requireBytes(2).toHex());
        RevocationEntry high = new RevocationEntry(0, BigInteger.valueOf(0x80), ENTRY.reason(), T0);
        assertEquals("80", high.toCbor().requireBytes(2).toHex());
    }

    @Test
    void eachMalformedFieldHasItsCode() {
        assertEquals(ErrorCode.REVOCATION_MALFORMED, rejected(CborArray.of(CborInt.of(0))));
        // a fifth field exceeds the entry's item bound before the field names are read
        assertEquals(
                ErrorCode.CBOR_TOO_MANY_ITEMS,
                rejected(fields().put(5, CborInt.of(0)).build()));
        assertEquals(
                ErrorCode.CBOR_UNKNOWN_FIELD,
                rejected(withoutField(4).put(5, CborInt.of(0)).build()));
        assertEquals(
                ErrorCode.CBOR_UNKNOWN_FIELD,
                rejected(withoutField(1).put("x", CborInt.of(0)).build()));
        for (long key = 1; key <= 4; key++) {
            assertEquals(
                    ErrorCode.CBOR_MISSING_FIELD, rejected(withoutField(key).build()), "field " + key);
        }
        assertEquals(ErrorCode.CBOR_WRONG_TYPE, rejected(withField(2, CborInt.of(5))));
        assertEquals(ErrorCode.CBOR_WRONG_TYPE, rejected(withField(1, CborText.of("0"))));
        assertEquals(ErrorCode.REVOCATION_MALFORMED, rejected(withField(1, CborInt.of(-1))));
        assertEquals(ErrorCode.REVOCATION_MALFORMED, rejected(withField(2, CborBytes.of(new byte[0]))));
        assertEquals(ErrorCode.REVOCATION_MALFORMED, rejected(withField(2, CborBytes.of(new byte[] {0, 1}))));
        assertEquals(ErrorCode.REVOCATION_MALFORMED, rejected(withField(2, CborBytes.of(new byte[] {0}))));
        byte[] tooWide = new byte[20];
        tooWide[0] = (byte) 0x80;
        assertEquals(ErrorCode.REVOCATION_MALFORMED, rejected(withField(2, CborBytes.of(tooWide))));
        byte[] tooLong = new byte[21];
        tooLong[0] = 1;
        assertEquals(ErrorCode.REVOCATION_MALFORMED, rejected(withField(2, CborBytes.of(tooLong))));
        for (long reason : new long[] {6, 7, 8, 10, -1}) {
            assertEquals(
                    ErrorCode.REVOCATION_MALFORMED, rejected(withField(3, CborInt.of(reason))), "reason " + reason);
        }
        assertEquals(ErrorCode.REVOCATION_MALFORMED, rejected(withField(4, CborInt.of(-1))));
    }

    @Test
    void theDecoderIsStrictAndBounded() {
        byte[] valid = ENTRY.encoded().toByteArray();
        byte[] trailing = Arrays.copyOf(valid, valid.length + 1);
        assertEquals(
                ErrorCode.CBOR_TRAILING_BYTES,
                assertThrows(MalformedInputException.class, () -> RevocationEntry.decode(trailing))
                        .code());
        // index 0 written with a one-byte argument: not the shortest form
        byte[] nonCanonical = Bytes.fromHex("a401180002480123456789abcdef0301041b000001a20d6d5a00")
                .toByteArray();
        assertEquals(
                ErrorCode.CBOR_NON_CANONICAL,
                assertThrows(MalformedInputException.class, () -> RevocationEntry.decode(nonCanonical))
                        .code());
        byte[] huge = Cbor.encode(withField(2, CborBytes.of(new byte[RevocationEntry.MAX_ENCODED_BYTES])));
        assertEquals(
                ErrorCode.CBOR_TOO_LARGE,
                assertThrows(MalformedInputException.class, () -> RevocationEntry.decode(huge))
                        .code());
    }

    @Test
    void entryMessagesAreConsecutiveAndBounded() {
        List<RevocationEntry> chain = RevocationFixtures.entries(3, 1);
        List<CborValue> gap = List.of(chain.get(0).toCbor(), chain.get(2).toCbor());
        assertEquals(
                ErrorCode.REVOCATION_MALFORMED,
                assertThrows(
                                MalformedInputException.class,
                                () -> RevocationEntries.decode(Cbor.encode(new CborArray(gap))))
                        .code());
        assertEquals(
                ErrorCode.REVOCATION_MALFORMED,
                assertThrows(MalformedInputException.class, () -> RevocationEntries.decode(Cbor.encode(ENTRY.toCbor())))
                        .code());
        List<CborValue> many = new ArrayList<>();
        for (RevocationEntry entry : RevocationFixtures.entries(RevocationEntries.MAX_ENTRIES + 1, 2)) {
            many.add(entry.toCbor());
        }
        List<CborValue> smallItems = new ArrayList<>();
        for (int i = 0; i <= RevocationEntries.MAX_ENTRIES; i++) {
            smallItems.add(CborInt.of(0));
        }
        byte[] tooLong = Cbor.encode(new CborArray(smallItems));
        assertEquals(
                ErrorCode.REVOCATION_MALFORMED,
                assertThrows(MalformedInputException.class, () -> RevocationEntries.decode(tooLong))
                        .code());
        byte[] tooMany = Cbor.encode(new CborArray(many));
        assertEquals(
                ErrorCode.CBOR_TOO_MANY_ITEMS,
                assertThrows(MalformedInputException.class, () -> RevocationEntries.decode(tooMany))
                        .code());
        assertThrows(
                IllegalArgumentException.class, () -> RevocationEntries.encode(List.of(chain.get(0), chain.get(2))));
        assertThrows(
                IllegalArgumentException.class,
                () -> RevocationEntries.encode(RevocationFixtures.entries(RevocationEntries.MAX_ENTRIES + 1, 3)));
        assertEquals(List.of(), RevocationEntries.decode(RevocationEntries.encode(List.of())));
        List<RevocationEntry> later = List.of(new RevocationEntry(41, BigInteger.TEN, ENTRY.reason(), T0));
        assertEquals(later, RevocationEntries.decode(RevocationEntries.encode(later)));
    }

    @Test
    void theRecordRefusesOutOfRangeComponents() {
        BigInteger s = BigInteger.TEN;
        RevocationReason r = RevocationReason.SUPERSEDED;
        assertThrows(IllegalArgumentException.class, () -> new RevocationEntry(-1, s, r, T0));
        assertThrows(IllegalArgumentException.class, () -> new RevocationEntry(0, BigInteger.ZERO, r, T0));
        assertThrows(IllegalArgumentException.class, () -> new RevocationEntry(0, BigInteger.TEN.negate(), r, T0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RevocationEntry(0, BigInteger.ONE.shiftLeft(RevocationEntry.MAX_SERIAL_BITS), r, T0));
        assertThrows(IllegalArgumentException.class, () -> new RevocationEntry(0, s, r, T0.plusNanos(1)));
        assertThrows(IllegalArgumentException.class, () -> new RevocationEntry(0, s, r, Instant.EPOCH.minusMillis(1)));
        assertThrows(IllegalArgumentException.class, () -> new RevocationEntry(0, s, r, Instant.MAX));
        assertThrows(NullPointerException.class, () -> new RevocationEntry(0, null, r, T0));
    }

    /** Nothing but a typed malformed-input error escapes either decoder, for any bytes. */
    @Test
    void arbitraryBytesGiveAValueOrATypedError() {
        qt().withExamples(5000).forAll(RevocationFixtures.bytes(80)).checkAssert(input -> {
            decodeOrTypedError(() -> RevocationEntry.decode(input));
            decodeOrTypedError(() -> RevocationEntries.decode(input));
        });
    }

    /** The same for single-byte mutations of valid encodings, which reach the field checks. */
    @Test
    void mutatedEncodingsGiveAValueOrATypedError() {
        byte[] entry = ENTRY.encoded().toByteArray();
        byte[] list = RevocationEntries.encode(RevocationFixtures.entries(3, 9));
        qt().withExamples(5000)
                .forAll(integers().between(0, 10_000), integers().between(0, 255))
                .checkAssert((position, value) -> {
                    byte[] a = entry.clone();
                    a[position % a.length] = (byte) (int) value;
                    decodeOrTypedError(() -> RevocationEntry.decode(a));
                    byte[] b = list.clone();
                    b[position % b.length] = (byte) (int) value;
                    decodeOrTypedError(() -> RevocationEntries.decode(b));
                });
    }

    static void decodeOrTypedError(Runnable decode) {
        try {
            decode.run();
        } catch (MalformedInputException e) {
            assertTrue(
                    e.code() == ErrorCode.REVOCATION_MALFORMED
                            || e.code().name().startsWith("CBOR_"),
                    e.code().name());
        }
    }

    private static CborMap.Builder withoutField(long key) {
        CborMap.Builder builder = CborMap.builder();
        for (CborMap.Entry e : fields().build().entries()) {
            if (((CborInt) e.key()).value() != key) {
                builder.put(e.key(), e.value());
            }
        }
        return builder;
    }

    private static CborMap withField(long key, CborValue value) {
        CborMap.Builder builder = CborMap.builder();
        for (CborMap.Entry e : fields().build().entries()) {
            CborInt k = (CborInt) e.key();
            builder.put(k, k.value() == key ? value : e.value());
        }
        return builder.build();
    }
}
