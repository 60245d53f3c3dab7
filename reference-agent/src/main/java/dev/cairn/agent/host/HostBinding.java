package dev.cairn.agent.host;

import dev.cairn.bytes.Digest;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborText;
import dev.cairn.cbor.CborValue;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.hash.DomainHash;
import dev.cairn.hash.HashDomain;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds the agent's state to the machine it enrolled on ({@code spec/agent.md}, "Host binding").
 *
 * <p>The fingerprint is {@code DomainHash(cairn/agent-host/v1, CBOR([[name, value], ...]))} over the
 * sources present, in this order: the override file {@code etc/cairn/host-id} alone if it exists;
 * otherwise the machine id ({@code etc/machine-id}, or {@code var/lib/dbus/machine-id} when the first
 * does not exist) and the DMI product UUID ({@code sys/class/dmi/id/product_uuid}) when this process
 * may read it and it is not a known placeholder. Paths are resolved against a root directory, {@code /}
 * on a real machine. Boot ids, process ids, host names and network addresses are never used: they
 * change without the machine changing, or stay the same when it does.
 *
 * <p>Security guarantees: a state directory copied to a machine with other identifiers is detected.
 * It does not stop someone who can also copy or forge the identifiers (root on the target machine, or
 * a cloned disk image): the fingerprint is an anti-copy check, not an attestation. Because the DMI
 * UUID is often readable by root only, the agent must always run as the same user.
 */
public final class HostBinding {
    /** The override file, relative to the root. */
    public static final Path OVERRIDE_FILE = Path.of("etc", "cairn", "host-id");

    /** systemd's machine id, relative to the root. */
    public static final Path MACHINE_ID_FILE = Path.of("etc", "machine-id");

    /** D-Bus's machine id, read only when {@link #MACHINE_ID_FILE} does not exist. */
    public static final Path DBUS_MACHINE_ID_FILE = Path.of("var", "lib", "dbus", "machine-id");

    /** The DMI product UUID, relative to the root. */
    public static final Path PRODUCT_UUID_FILE = Path.of("sys", "class", "dmi", "id", "product_uuid");

    private static final Pattern OVERRIDE = Pattern.compile("[A-Za-z0-9._:-]{16,128}");
    private static final Pattern MACHINE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** Product UUIDs that firmware vendors ship on many boards at once; they identify nothing. */
    static final Set<String> PLACEHOLDER_UUIDS = Set.of(
            "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "03000200-0400-0500-0006-000700080009");

    private final Path root;

    private HostBinding(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /**
     * The binding of this machine: sources under {@code /}.
     *
     * @return the binding
     */
    public static HostBinding system() {
        return new HostBinding(Path.of("/"));
    }

    /**
     * A binding whose sources live under another root, such as a test's fake {@code /etc} tree.
     *
     * @param root the directory that stands for {@code /}
     * @return the binding
     */
    public static HostBinding at(Path root) {
        return new HostBinding(root);
    }

    /**
     * Derives the fingerprint of this machine now.
     *
     * @return the fingerprint
     * @throws VerificationException {@link ErrorCode#AGENT_HOST_ID_UNAVAILABLE} if no source is present
     * @throws MalformedInputException {@link ErrorCode#AGENT_HOST_ID_MALFORMED} if a present source
     *     breaks its format
     */
    public HostFingerprint current() {
        Map<HostSource, String> values = sources();
        List<CborValue> pairs = new ArrayList<>();
        values.forEach((source, value) -> pairs.add(CborArray.of(CborText.of(source.wireName()), CborText.of(value))));
        Digest digest =
                DomainHash.of(HashDomain.AGENT_HOST, Cbor.encode(CborArray.of(pairs.toArray(CborValue[]::new))));
        return new HostFingerprint(digest, List.copyOf(values.keySet()));
    }

    /**
     * Checks that this machine is the one a fingerprint was recorded on.
     *
     * @param recorded the fingerprint recorded at enrollment
     * @return the current fingerprint, equal in digest to {@code recorded}
     * @throws VerificationException {@link ErrorCode#AGENT_HOST_MISMATCH} naming both fingerprints
     *     and their sources, or {@link ErrorCode#AGENT_HOST_ID_UNAVAILABLE}
     * @throws MalformedInputException {@link ErrorCode#AGENT_HOST_ID_MALFORMED}
     */
    public HostFingerprint check(HostFingerprint recorded) {
        HostFingerprint now = current();
        if (!now.sameHost(recorded)) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("expected", recorded.toString());
            details.put("found", now.toString());
            details.put("expected_sources", recorded.sourceNames());
            details.put("found_sources", now.sourceNames());
            throw new VerificationException(
                    ErrorCode.AGENT_HOST_MISMATCH,
                    "this machine's host fingerprint is " + now + " (" + now.sourceNames()
                            + "), the state was enrolled on " + recorded + " (" + recorded.sourceNames() + ")",
                    details,
                    null);
        }
        return now;
    }

    /** The sources present, in fingerprint order, with their normalised values. */
    Map<HostSource, String> sources() {
        Map<HostSource, String> values = new LinkedHashMap<>();
        Optional<String> override = override();
        if (override.isPresent()) {
            values.put(HostSource.OVERRIDE, override.get());
            return values;
        }
        machineId().ifPresent(id -> values.put(HostSource.MACHINE_ID, id));
        productUuid().ifPresent(uuid -> values.put(HostSource.DMI_PRODUCT_UUID, uuid));
        if (values.isEmpty()) {
            throw new VerificationException(
                    ErrorCode.AGENT_HOST_ID_UNAVAILABLE,
                    "none of " + root.resolve(OVERRIDE_FILE) + ", " + root.resolve(MACHINE_ID_FILE) + ", "
                            + root.resolve(DBUS_MACHINE_ID_FILE) + ", " + root.resolve(PRODUCT_UUID_FILE)
                            + " is present and readable");
        }
        return values;
    }

    private Optional<String> override() {
        Path file = root.resolve(OVERRIDE_FILE);
        Optional<String> value = SourceFile.readLine(file);
        if (value.isPresent() && !OVERRIDE.matcher(value.get()).matches()) {
            throw SourceFile.malformed(file, "want one line of 16 to 128 characters [A-Za-z0-9._:-]");
        }
        return value;
    }

    private Optional<String> machineId() {
        Path etc = root.resolve(MACHINE_ID_FILE);
        Path file = Files.exists(etc, LinkOption.NOFOLLOW_LINKS) ? etc : root.resolve(DBUS_MACHINE_ID_FILE);
        Optional<String> value = SourceFile.readLine(file);
        if (value.isEmpty()) {
            return value;
        }
        String id = value.get();
        if (id.equals("uninitialized")) {
            throw SourceFile.malformed(file, "uninitialized: the first boot has not completed");
        }
        if (!MACHINE_ID.matcher(id).matches() || id.chars().allMatch(c -> c == '0')) {
            throw SourceFile.malformed(file, "want 32 lowercase hex digits, not all zero (machine-id(5))");
        }
        return value;
    }

    private Optional<String> productUuid() {
        Path file = root.resolve(PRODUCT_UUID_FILE);
        Optional<String> value = SourceFile.readLine(file).map(text -> text.toLowerCase(Locale.ROOT));
        if (value.isEmpty()) {
            return value;
        }
        if (!UUID.matcher(value.get()).matches()) {
            throw SourceFile.malformed(file, "want a UUID 8-4-4-4-12 hex digits");
        }
        return PLACEHOLDER_UUIDS.contains(value.get()) ? Optional.empty() : value;
    }
}
