package dev.cairn.keys;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborBool;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborNull;
import dev.cairn.cbor.CborText;
import dev.cairn.cbor.CborValue;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class CoseKeyTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final VerificationKey ED =
            SigningKey.generate(KeyType.ED25519, RANDOM).verificationKey();
    private static final VerificationKey EC =
            SigningKey.generate(KeyType.P256, RANDOM).verificationKey();
    private static final VerificationKey EC_OTHER =
            SigningKey.generate(KeyType.P256, RANDOM).verificationKey();

    private static ErrorCode codeOf(Executable action) {
        return assertThrows(CairnException.class, action).code();
    }

    /** The key's COSE_Key with entries replaced ({@code null} removes one). */
    private static CborMap with(VerificationKey key, Object... labelsAndValues) {
        Map<CborValue, CborValue> entries = new LinkedHashMap<>();
        key.toCoseKey().entries().forEach(e -> entries.put(e.key(), e.value()));
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            CborValue label =
                    labelsAndValues[i] instanceof String s ? CborText.of(s) : CborInt.of((Integer) labelsAndValues[i]);
            CborValue value = (CborValue) labelsAndValues[i + 1];
            if (value == null) {
                entries.remove(label);
            } else {
                entries.put(label, value);
            }
        }
        CborMap.Builder builder = CborMap.builder();
        entries.forEach(builder::put);
        return builder.build();
    }

    @Test
    void roundTripsThroughCoseKey() {
        qt().withExamples(60).forAll(arbitrary().enumValues(KeyType.class)).checkAssert(type -> {
            VerificationKey key = SigningKey.generate(type, RANDOM).verificationKey();
            assertEquals(key, VerificationKey.fromCoseKey(key.toCoseKey()));
            CborMap decoded = (CborMap) Cbor.decode(Cbor.encode(key.toCoseKey()));
            VerificationKey again = VerificationKey.fromCoseKey(decoded);
            assertEquals(key, again);
            assertEquals(key.kid(), again.kid());
        });
    }

    @Test
    void coseKeyHasTheRequiredParametersOnly() {
        assertEquals(List.of(1L, -1L, -2L), labels(ED.toCoseKey()));
        assertEquals(List.of(1L, -1L, -2L, -3L), labels(EC.toCoseKey()));
        assertEquals(1, ED.toCoseKey().requireInt(1));
        assertEquals(6, ED.toCoseKey().requireInt(-1));
        assertEquals(ED.encoded(), ED.toCoseKey().requireBytes(-2));
        assertEquals(2, EC.toCoseKey().requireInt(1));
        assertEquals(1, EC.toCoseKey().requireInt(-1));
        assertEquals(EC.encoded().slice(1, 33), EC.toCoseKey().requireBytes(-2));
        assertEquals(EC.encoded().slice(33, 65), EC.toCoseKey().requireBytes(-3));
    }

    private static List<Long> labels(CborMap map) {
        return map.entries().stream().map(e -> ((CborInt) e.key()).value()).toList();
    }

    @Test
    void optionalKidAndAlgAreAcceptedWhenTheyMatch() {
        assertEquals(ED, VerificationKey.fromCoseKey(with(ED, 2, new CborBytes(ED.kid()), 3, CborInt.of(-8))));
        assertEquals(EC, VerificationKey.fromCoseKey(with(EC, 2, new CborBytes(EC.kid()), 3, CborInt.of(-7))));
    }

    @Test
    void privateAndUnknownParametersAreRejected() {
        CborBytes d = CborBytes.of(new byte[32]);
        List<Executable> checks = new ArrayList<>();
        for (VerificationKey key : new VerificationKey[] {ED, EC}) {
            checks.add(() -> assertEquals(
                    ErrorCode.CBOR_UNKNOWN_FIELD, codeOf(() -> VerificationKey.fromCoseKey(with(key, -4, d)))));
            checks.add(() -> assertEquals(
                    ErrorCode.CBOR_UNKNOWN_FIELD,
                    codeOf(() -> VerificationKey.fromCoseKey(with(key, 4, CborInt.of(1))))));
            checks.add(() -> assertEquals(
                    ErrorCode.CBOR_UNKNOWN_FIELD,
                    codeOf(() -> VerificationKey.fromCoseKey(with(key, 5, CborNull.NULL)))));
            checks.add(() -> assertEquals(
                    ErrorCode.CBOR_UNKNOWN_FIELD,
                    codeOf(() -> VerificationKey.fromCoseKey(with(key, "x", CborInt.of(0))))));
        }
        checks.add(() -> assertEquals(
                ErrorCode.CBOR_UNKNOWN_FIELD,
                codeOf(() -> VerificationKey.fromCoseKey(with(ED, -3, CborBytes.of(new byte[32]))))));
        assertAll(checks);
    }

    @Test
    void otherKeyTypesAndCurvesAreUnsupported() {
        int[][] pairs = {{1, 1}, {2, 6}, {1, 7}, {1, 4}, {2, 2}, {2, 3}, {2, 8}, {3, 1}, {4, 6}, {0, 6}, {-1, 1}};
        List<Executable> checks = new ArrayList<>();
        for (int[] pair : pairs) {
            for (VerificationKey key : new VerificationKey[] {ED, EC}) {
                checks.add(() -> assertEquals(
                        ErrorCode.KEY_UNSUPPORTED,
                        codeOf(() -> VerificationKey.fromCoseKey(
                                with(key, 1, CborInt.of(pair[0]), -1, CborInt.of(pair[1])))),
                        "kty " + pair[0] + " crv " + pair[1]));
            }
        }
        assertAll(checks);
    }

    @Test
    void keyTypesWithoutACurveAreUnsupported() {
        // RFC 9053 section 7: RSA (kty 3) has n at -1 and e at -2; symmetric (kty 4) has k at -1.
        CborMap rsa = CborMap.builder()
                .put(1, CborInt.of(3))
                .put(-1, CborBytes.of(new byte[16]))
                .put(-2, CborBytes.of(new byte[] {1, 0, 1}))
                .build();
        CborMap symmetric = CborMap.builder()
                .put(1, CborInt.of(4))
                .put(-1, CborBytes.of(new byte[32]))
                .build();
        CborMap noCurve = CborMap.builder().put(1, CborInt.of(5)).build();
        for (CborMap key : new CborMap[] {rsa, symmetric, noCurve}) {
            assertEquals(ErrorCode.KEY_UNSUPPORTED, codeOf(() -> VerificationKey.fromCoseKey(key)), key.toDiagnostic());
        }
    }

    @Test
    void aKidOfAnotherKeyIsInvalid() {
        assertEquals(
                ErrorCode.KEY_INVALID,
                codeOf(() -> VerificationKey.fromCoseKey(with(EC, 2, new CborBytes(EC_OTHER.kid())))));
        assertEquals(
                ErrorCode.KEY_INVALID, codeOf(() -> VerificationKey.fromCoseKey(with(ED, 2, new CborBytes(EC.kid())))));
        assertEquals(
                ErrorCode.KEY_INVALID,
                codeOf(() -> VerificationKey.fromCoseKey(
                        with(ED, 2, CborBytes.of("11".getBytes(java.nio.charset.StandardCharsets.US_ASCII))))));
        assertEquals(
                ErrorCode.KEY_INVALID,
                codeOf(() -> VerificationKey.fromCoseKey(
                        with(ED, 2, new CborBytes(ED.kid().slice(0, 31))))));
        assertEquals(
                ErrorCode.CBOR_WRONG_TYPE,
                codeOf(() -> VerificationKey.fromCoseKey(
                        with(ED, 2, CborText.of(ED.kid().toHex())))));
    }

    @Test
    void aWrongAlgIsUnsupported() {
        assertEquals(ErrorCode.KEY_UNSUPPORTED, codeOf(() -> VerificationKey.fromCoseKey(with(ED, 3, CborInt.of(-7)))));
        assertEquals(ErrorCode.KEY_UNSUPPORTED, codeOf(() -> VerificationKey.fromCoseKey(with(EC, 3, CborInt.of(-8)))));
        assertEquals(
                ErrorCode.KEY_UNSUPPORTED, codeOf(() -> VerificationKey.fromCoseKey(with(EC, 3, CborInt.of(-35)))));
        assertEquals(ErrorCode.KEY_UNSUPPORTED, codeOf(() -> VerificationKey.fromCoseKey(with(ED, 3, CborInt.of(0)))));
        assertEquals(
                ErrorCode.CBOR_WRONG_TYPE,
                codeOf(() -> VerificationKey.fromCoseKey(with(EC, 3, CborText.of("ES256")))));
    }

    @Test
    void missingAndMistypedParameters() {
        assertEquals(ErrorCode.CBOR_MISSING_FIELD, codeOf(() -> VerificationKey.fromCoseKey(with(ED, 1, null))));
        assertEquals(ErrorCode.CBOR_MISSING_FIELD, codeOf(() -> VerificationKey.fromCoseKey(with(ED, -1, null))));
        assertEquals(ErrorCode.CBOR_MISSING_FIELD, codeOf(() -> VerificationKey.fromCoseKey(with(ED, -2, null))));
        assertEquals(ErrorCode.CBOR_MISSING_FIELD, codeOf(() -> VerificationKey.fromCoseKey(with(EC, -3, null))));
        assertEquals(ErrorCode.CBOR_MISSING_FIELD, codeOf(() -> VerificationKey.fromCoseKey(CborMap.empty())));
        assertEquals(
                ErrorCode.CBOR_WRONG_TYPE, codeOf(() -> VerificationKey.fromCoseKey(with(ED, 1, CborText.of("OKP")))));
        assertEquals(
                ErrorCode.CBOR_WRONG_TYPE,
                codeOf(() -> VerificationKey.fromCoseKey(with(EC, -1, CborText.of("P-256")))));
        assertEquals(
                ErrorCode.CBOR_WRONG_TYPE, codeOf(() -> VerificationKey.fromCoseKey(with(ED, -2, CborText.of("x")))));
        assertEquals(ErrorCode.CBOR_WRONG_TYPE, codeOf(() -> VerificationKey.fromCoseKey(with(EC, -3, CborBool.TRUE))));
    }

    @Test
    void badCoordinatesAreInvalid() {
        Bytes x = EC.encoded().slice(1, 33);
        Bytes y = EC.encoded().slice(33, 65);
        byte[] yFlipped = y.toByteArray();
        yFlipped[31] ^= 1;
        List<CborMap> bad = List.of(
                with(ED, -2, new CborBytes(ED.encoded().slice(0, 31))),
                with(ED, -2, CborBytes.of(Arrays.copyOf(ED.encoded().toByteArray(), 33))),
                with(ED, -2, CborBytes.of(new byte[32])), // y = 0 with sign 0: small order
                with(EC, -2, new CborBytes(x.slice(1, 32))),
                with(EC, -3, CborBytes.of(Arrays.copyOf(y.toByteArray(), 33))),
                with(EC, -3, CborBytes.of(new byte[0])),
                with(EC, -3, CborBytes.of(yFlipped)),
                with(EC, -2, CborBytes.of(new byte[32]), -3, CborBytes.of(new byte[32])));
        assertAll(bad.stream().map(map -> (Executable) () -> assertEquals(
                ErrorCode.KEY_INVALID, codeOf(() -> VerificationKey.fromCoseKey(map)), map.toDiagnostic())));
    }

    @Test
    void arbitraryKeyMapsGiveAKeyOrATypedError() {
        // Labels and values drawn from pools that contain the valid ones, so some maps are keys.
        int[] labelPool = {1, 2, 3, -1, -2, -3, -4, 4};
        List<CborValue> valuePool = List.of(
                CborInt.of(1),
                CborInt.of(2),
                CborInt.of(6),
                CborInt.of(-7),
                CborInt.of(-8),
                CborInt.of(3),
                new CborBytes(ED.encoded()),
                new CborBytes(EC.encoded().slice(1, 33)),
                new CborBytes(EC.encoded().slice(33, 65)),
                new CborBytes(ED.kid()),
                new CborBytes(EC.kid()),
                CborBytes.of(new byte[31]),
                CborText.of("P-256"),
                CborNull.NULL);
        qt().withExamples(2000)
                .forAll(lists().of(integers().between(0, labelPool.length * valuePool.size() - 1))
                        .ofSizeBetween(0, 7))
                .checkAssert(picks -> {
                    Map<Integer, CborValue> entries = new LinkedHashMap<>();
                    for (int pick : picks) {
                        entries.put(labelPool[pick % labelPool.length], valuePool.get(pick / labelPool.length));
                    }
                    CborMap.Builder builder = CborMap.builder();
                    entries.forEach((label, value) -> builder.put(label, value));
                    CborMap map = builder.build();
                    try {
                        VerificationKey key = VerificationKey.fromCoseKey(map);
                        assertTrue(key.equals(ED) || key.equals(EC), map.toDiagnostic());
                    } catch (CairnException expected) {
                        // a typed error is an allowed outcome
                    }
                });
    }
}
