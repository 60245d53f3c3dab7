package dev.cairn.agent.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostBindingTest {
    private static final String ID = "0123456789abcdef0123456789abcdef";
    private static final String OTHER_ID = "fedcba9876543210fedcba9876543210";
    private static final String UUID = "4c4c4544-0042-3510-8052-b4c04f4e4d32";

    @TempDir
    Path root;

    private void write(Path relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private HostFingerprint fingerprint() {
        return HostBinding.at(root).current();
    }

    /** The normative derivation, written out byte by byte: SHA-256(len(tag) || tag || CBOR pairs). */
    private static String reference(String... namesAndValues) throws Exception {
        ByteArrayOutputStream cbor = new ByteArrayOutputStream();
        cbor.write(0x80 + namesAndValues.length / 2);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            cbor.write(0x82);
            for (String text : List.of(namesAndValues[i], namesAndValues[i + 1])) {
                byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
                if (bytes.length < 24) {
                    cbor.write(0x60 + bytes.length);
                } else {
                    cbor.write(0x78);
                    cbor.write(bytes.length);
                }
                cbor.write(bytes);
            }
        }
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] tag = "cairn/agent-host/v1".getBytes(StandardCharsets.US_ASCII);
        sha256.update((byte) tag.length);
        sha256.update(tag);
        sha256.update(cbor.toByteArray());
        return "sha256:" + HexFormat.of().formatHex(sha256.digest());
    }

    @Test
    void machineIdAloneFollowsTheSpec() throws Exception {
        write(HostBinding.MACHINE_ID_FILE, ID + "\n");
        HostFingerprint fingerprint = fingerprint();
        assertEquals(reference("machine-id", ID), fingerprint.toString());
        assertEquals(List.of(HostSource.MACHINE_ID), fingerprint.sources());
    }

    @Test
    void machineIdAndProductUuidFollowTheSpec() throws Exception {
        write(HostBinding.MACHINE_ID_FILE, ID + "\n");
        write(HostBinding.PRODUCT_UUID_FILE, UUID.toUpperCase() + "\n");
        HostFingerprint fingerprint = fingerprint();
        assertEquals(reference("machine-id", ID, "dmi-product-uuid", UUID), fingerprint.toString());
        assertEquals(List.of(HostSource.MACHINE_ID, HostSource.DMI_PRODUCT_UUID), fingerprint.sources());
    }

    @Test
    void sameInputsGiveTheSameFingerprint() throws IOException {
        write(HostBinding.MACHINE_ID_FILE, ID + "\n");
        write(HostBinding.PRODUCT_UUID_FILE, UUID + "\n");
        assertEquals(fingerprint(), fingerprint());
        write(HostBinding.MACHINE_ID_FILE, ID);
        write(HostBinding.PRODUCT_UUID_FILE, UUID.toUpperCase());
        assertEquals(fingerprint(), HostBinding.at(root).current());
    }

    @Test
    void anySourceChangeChangesTheFingerprint() throws IOException {
        write(HostBinding.MACHINE_ID_FILE, ID + "\n");
        HostFingerprint idOnly = fingerprint();
        write(HostBinding.PRODUCT_UUID_FILE, UUID + "\n");
        HostFingerprint both = fingerprint();
        write(HostBinding.PRODUCT_UUID_FILE, UUID.replace('4', '5') + "\n");
        HostFingerprint otherUuid = fingerprint();
        write(HostBinding.MACHINE_ID_FILE, OTHER_ID + "\n");
        HostFingerprint otherId = fingerprint();
        List<HostFingerprint> all = List.of(idOnly, both, otherUuid, otherId);
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                assertNotEquals(all.get(i).digest(), all.get(j).digest(), i + " vs " + j);
            }
        }
    }

    @Test
    void distinctMachineIdsGiveDistinctFingerprints() {
        qt().forAll(
                        strings().betweenCodePoints('0', '9').ofLength(32),
                        strings().betweenCodePoints('a', 'f').ofLength(32))
                .assuming((a, b) -> !a.chars().allMatch(c -> c == '0'))
                .checkAssert((a, b) -> {
                    try {
                        write(HostBinding.MACHINE_ID_FILE, a + "\n");
                        HostFingerprint first = fingerprint();
                        write(HostBinding.MACHINE_ID_FILE, b + "\n");
                        assertNotEquals(first.digest(), fingerprint().digest());
                        write(HostBinding.MACHINE_ID_FILE, a);
                        assertEquals(first, fingerprint());
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                });
    }

    @Test
    void dbusMachineIdIsTheFallbackOnly() throws Exception {
        write(HostBinding.DBUS_MACHINE_ID_FILE, OTHER_ID + "\n");
        assertEquals(reference("machine-id", OTHER_ID), fingerprint().toString());
        write(HostBinding.MACHINE_ID_FILE, ID + "\n");
        assertEquals(reference("machine-id", ID), fingerprint().toString());
    }

    @Test
    void placeholderUuidsCountAsAbsent() throws IOException {
        write(HostBinding.MACHINE_ID_FILE, ID + "\n");
        HostFingerprint idOnly = fingerprint();
        for (String placeholder : HostBinding.PLACEHOLDER_UUIDS) {
            write(HostBinding.PRODUCT_UUID_FILE, placeholder.toUpperCase() + "\n");
            assertEquals(idOnly, fingerprint(), placeholder);
        }
    }

    @Test
    void productUuidAloneIsEnough() throws Exception {
        write(HostBinding.PRODUCT_UUID_FILE, UUID + "\n");
        assertEquals(reference("dmi-product-uuid", UUID), fingerprint().toString());
    }

    @Test
    void unreadableProductUuidIsLeftOut() throws IOException {
        write(HostBinding.MACHINE_ID_FILE, ID + "\n");
        HostFingerprint idOnly = fingerprint();
        write(HostBinding.PRODUCT_UUID_FILE, UUID + "\n");
        Path uuid = root.resolve(HostBinding.PRODUCT_UUID_FILE);
        Files.setPosixFilePermissions(uuid, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(uuid), "running as root: every file is readable");
        assertEquals(idOnly, fingerprint());
    }

    @Test
    void overrideStandsAlone() throws Exception {
        write(HostBinding.MACHINE_ID_FILE, ID + "\n");
        write(HostBinding.PRODUCT_UUID_FILE, UUID + "\n");
        write(HostBinding.OVERRIDE_FILE, "rack7-node12.example:a\n");
        HostFingerprint fingerprint = fingerprint();
        assertEquals(reference("override", "rack7-node12.example:a"), fingerprint.toString());
        assertEquals(List.of(HostSource.OVERRIDE), fingerprint.sources());
        write(HostBinding.MACHINE_ID_FILE, OTHER_ID + "\n");
        assertEquals(fingerprint, fingerprint());
    }

    @Test
    void noSourceIsACodedError() {
        CairnException e = assertThrows(CairnException.class, this::fingerprint);
        assertEquals(ErrorCode.AGENT_HOST_ID_UNAVAILABLE, e.code());
    }

    @Test
    void malformedSourcesAreCodedErrors() throws IOException {
        String[] badIds = {
            "",
            "uninitialized\n",
            ID.toUpperCase(),
            ID.substring(1),
            ID + "0",
            "0".repeat(32),
            ID + "\n\n",
            ID + "\r\n",
            " " + ID,
            ID + "\n" + ID
        };
        for (String bad : badIds) {
            write(HostBinding.MACHINE_ID_FILE, bad);
            CairnException e = assertThrows(CairnException.class, this::fingerprint, bad);
            assertEquals(ErrorCode.AGENT_HOST_ID_MALFORMED, e.code(), bad);
        }
        write(HostBinding.MACHINE_ID_FILE, "a".repeat(5000));
        assertEquals(
                ErrorCode.AGENT_HOST_ID_MALFORMED,
                assertThrows(CairnException.class, this::fingerprint).code());
        write(HostBinding.MACHINE_ID_FILE, ID + "\n");
        for (String bad : new String[] {"not-a-uuid", UUID.replace("-", ""), UUID + "0", "g" + UUID.substring(1)}) {
            write(HostBinding.PRODUCT_UUID_FILE, bad + "\n");
            assertEquals(
                    ErrorCode.AGENT_HOST_ID_MALFORMED,
                    assertThrows(CairnException.class, this::fingerprint).code(),
                    bad);
        }
        Files.delete(root.resolve(HostBinding.PRODUCT_UUID_FILE));
        for (String bad : new String[] {"short", "has space in it ok", "x".repeat(129), "caf\u00e9-1234567890123"}) {
            Files.writeString(root.resolve(HostBinding.MACHINE_ID_FILE), ID);
            write(HostBinding.OVERRIDE_FILE, bad + "\n");
            assertEquals(
                    ErrorCode.AGENT_HOST_ID_MALFORMED,
                    assertThrows(CairnException.class, this::fingerprint).code(),
                    bad);
        }
    }

    @Test
    void checkNamesBothFingerprints() throws IOException {
        write(HostBinding.MACHINE_ID_FILE, ID + "\n");
        HostFingerprint recorded = fingerprint();
        assertEquals(recorded, HostBinding.at(root).check(recorded));
        write(HostBinding.MACHINE_ID_FILE, OTHER_ID + "\n");
        write(HostBinding.PRODUCT_UUID_FILE, UUID + "\n");
        HostFingerprint now = fingerprint();
        VerificationException e = assertThrows(
                VerificationException.class, () -> HostBinding.at(root).check(recorded));
        assertEquals(ErrorCode.AGENT_HOST_MISMATCH, e.code());
        assertEquals(recorded.toString(), e.details().get("expected"));
        assertEquals(now.toString(), e.details().get("found"));
        assertEquals("machine-id", e.details().get("expected_sources"));
        assertEquals("machine-id,dmi-product-uuid", e.details().get("found_sources"));
    }

    @Test
    void fingerprintTextAndSourcesAreStrict() {
        String hex = "ab".repeat(32);
        assertEquals(
                "sha256:" + hex,
                HostFingerprint.parse("sha256:" + hex, List.of(HostSource.MACHINE_ID))
                        .toString());
        for (String bad : new String[] {hex, "sha256:" + hex.toUpperCase(), "sha256:" + hex + "0", "SHA256:" + hex}) {
            assertEquals(
                    ErrorCode.AGENT_STATE_MALFORMED,
                    assertThrows(CairnException.class, () -> HostFingerprint.parse(bad, List.of(HostSource.MACHINE_ID)))
                            .code());
        }
        for (List<HostSource> bad : List.of(
                List.<HostSource>of(),
                List.of(HostSource.OVERRIDE, HostSource.MACHINE_ID),
                List.of(HostSource.DMI_PRODUCT_UUID, HostSource.MACHINE_ID),
                List.of(HostSource.MACHINE_ID, HostSource.MACHINE_ID))) {
            assertEquals(
                    ErrorCode.AGENT_STATE_MALFORMED,
                    assertThrows(CairnException.class, () -> HostFingerprint.parse("sha256:" + hex, bad))
                            .code(),
                    bad.toString());
        }
        assertEquals(
                ErrorCode.AGENT_STATE_MALFORMED,
                assertThrows(CairnException.class, () -> HostSource.fromWireName("hostname"))
                        .code());
    }
}
