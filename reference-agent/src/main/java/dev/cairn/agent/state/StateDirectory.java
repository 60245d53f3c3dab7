package dev.cairn.agent.state;

import dev.cairn.bytes.Digest;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.keyfile.KeyFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The agent's state directory ({@code spec/agent.md}, "State directory"), opened for writing by one
 * process at a time.
 *
 * <p>Each version of the state is a generation directory {@code gen-<n>} written once and never
 * changed, and the root pointer {@code CURRENT} names the current one with the digest of its {@code
 * state.json}, which holds the digests of the generation's other files and of the private key file.
 * {@link #publish} writes and fsyncs the new generation completely, then replaces the pointer
 * atomically (temporary file, fsync, rename, fsync of the directory): that rename is the commit point.
 * Readers trust only what the pointer names. Everything else the directory holds of Cairn's names
 * (other generations, temporary files, key files the current state does not name) is garbage, deleted
 * on open and after each publication; other names are left alone.
 *
 * <p>Security guarantees: after a crash at any point, opening gives the last generation whose pointer
 * rename reached the disk, complete, or the one before; a torn, missing or altered file is refused
 * with a coded error, never used. Files are created {@code rw-------} and directories {@code
 * rwx------} from the start, and reading refuses anything open to group or others. A fenced
 * generation names no key, so the key file is deleted once it is published. Deleting a file does not
 * erase its blocks on the disk.
 *
 * <p>Thread-safe; a second open of the same directory, in this process or another, fails with {@link
 * ErrorCode#INTERNAL_STORE_LOCKED} until this one is closed.
 */
public final class StateDirectory implements AutoCloseable {
    static final String LOCK_FILE = "lock";

    private static final Pattern KEY_FILE = Pattern.compile("key-[0-9a-f]{64}\\.pem");
    private static final Pattern KEY_TEMP = Pattern.compile("\\.key-[0-9a-f]{64}\\.pem.*\\.tmp");
    private static final int READ_ATTEMPTS = 5;

    /** Observes the steps of a publication; tests use it to stop one anywhere, as a crash would. */
    interface Steps {
        Steps NONE = step -> {};

        void reached(String step);
    }

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Steps steps;
    private final Set<String> stagedKeys = new HashSet<>();
    private Optional<Generation> current;
    private boolean broken;
    private boolean closed;

    private StateDirectory(Path dir, FileChannel lockChannel, FileLock lock, Steps steps) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.steps = steps;
    }

    /**
     * Opens a state directory for writing, creating it ({@code rwx------}) if it does not exist: takes
     * its lock, loads and checks the generation the pointer names, and collects garbage.
     *
     * @param dir the directory
     * @return the open directory
     * @throws VerificationException {@link ErrorCode#AGENT_STATE_PERMISSIONS}, {@link
     *     ErrorCode#AGENT_STATE_INCOMPLETE} or {@link ErrorCode#AGENT_STATE_DIGEST_MISMATCH}; nothing is
     *     deleted then
     * @throws dev.cairn.errors.MalformedInputException {@link ErrorCode#AGENT_STATE_MALFORMED}
     * @throws InternalException {@link ErrorCode#INTERNAL_STORE_LOCKED} if another instance holds it,
     *     {@link ErrorCode#INTERNAL_IO}
     */
    public static StateDirectory open(Path dir) {
        return open(dir, Steps.NONE);
    }

    static StateDirectory open(Path dir, Steps steps) {
        Path absolute = dir.toAbsolutePath();
        FileChannel channel = null;
        try {
            create(absolute);
            StateFiles.checkOwnerOnly(absolute.toRealPath());
            Path lockFile = absolute.resolve(LOCK_FILE);
            channel = FileChannel.open(
                    lockFile,
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                    PosixFilePermissions.asFileAttribute(StateFiles.FILE_MODE));
            StateFiles.checkOwnerOnly(lockFile);
            FileLock lock = tryLock(channel, absolute);
            StateDirectory directory = new StateDirectory(absolute, channel, lock, steps);
            Optional<byte[]> pointer = GenerationLoader.pointerBytes(absolute);
            if (pointer.isEmpty()) {
                checkNoCommittedGeneration(absolute);
            }
            directory.current = pointer.map(bytes -> GenerationLoader.load(absolute, bytes));
            directory.collectGarbage();
            channel = null;
            return directory;
        } catch (IOException e) {
            throw StateFiles.io("open " + absolute, e);
        } finally {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // Opening failed already; closing the lock channel releases the lock either way.
                }
            }
        }
    }

    /**
     * Reads the current generation of a directory without taking its lock, deleting nothing: for a
     * status command next to a running agent. A generation collected while it is read is retried with
     * the pointer's new target.
     *
     * @param dir the directory
     * @return the snapshot, or empty if the directory or its pointer does not exist
     * @throws VerificationException {@link ErrorCode#AGENT_STATE_PERMISSIONS}, {@link
     *     ErrorCode#AGENT_STATE_INCOMPLETE} or {@link ErrorCode#AGENT_STATE_DIGEST_MISMATCH}
     * @throws dev.cairn.errors.MalformedInputException {@link ErrorCode#AGENT_STATE_MALFORMED}
     */
    public static Optional<StateSnapshot> read(Path dir) {
        Path absolute = dir.toAbsolutePath();
        if (!Files.isDirectory(absolute)) {
            return Optional.empty();
        }
        try {
            StateFiles.checkOwnerOnly(absolute.toRealPath());
        } catch (IOException e) {
            throw StateFiles.io("read " + absolute, e);
        }
        for (int attempt = 1; ; attempt++) {
            Optional<byte[]> pointer = GenerationLoader.pointerBytes(absolute);
            if (pointer.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new StateSnapshot(absolute, GenerationLoader.load(absolute, pointer.get())));
            } catch (CairnException e) {
                Optional<byte[]> again = GenerationLoader.pointerBytes(absolute);
                if (attempt >= READ_ATTEMPTS || again.isEmpty() || Arrays.equals(again.get(), pointer.get())) {
                    throw e;
                }
            }
        }
    }

    /**
     * The directory.
     *
     * @return its absolute path
     */
    public Path path() {
        return dir;
    }

    /**
     * The current generation.
     *
     * @return the generation, or empty if nothing was published yet
     */
    public synchronized Optional<Generation> current() {
        ensureUsable();
        return current;
    }

    /**
     * The current generation with the way to its key.
     *
     * @return the snapshot, or empty if nothing was published yet
     */
    public synchronized Optional<StateSnapshot> snapshot() {
        ensureUsable();
        return current.map(generation -> new StateSnapshot(dir, generation));
    }

    /**
     * Generates a node key and writes its private key file, {@code key-<kid hex>.pem}, crash-safely
     * and owner-only (sdk-trust's key files). The file belongs to no state until a {@link #publish}ed
     * state names the key; until then it survives garbage collection in this instance only.
     *
     * @param type the key type
     * @param random the source of randomness
     * @param access the explicit token for writing private key bytes
     * @return the key
     */
    public synchronized SigningKey createKey(KeyType type, SecureRandom random, InsecureSecretKeyAccess access) {
        ensureUsable();
        SigningKey key = SigningKey.generate(type, random);
        String name = StateJson.keyFileName(key.verificationKey());
        KeyFiles.writePrivateKey(dir.resolve(name), key, access);
        stagedKeys.add(name);
        return key;
    }

    /**
     * Reads the private key of the current state.
     *
     * @param access the explicit token for private key bytes
     * @return the key
     * @throws VerificationException {@link ErrorCode#AGENT_NOT_ENROLLED}, {@link ErrorCode#AGENT_FENCED},
     *     {@link ErrorCode#AGENT_KEY_MISMATCH}, {@link ErrorCode#AGENT_STATE_INCOMPLETE}
     */
    public synchronized SigningKey readKey(InsecureSecretKeyAccess access) {
        return snapshot().orElseThrow(StateCheck::notEnrolled).readKey(access);
    }

    /**
     * Publishes a new generation holding {@code next}, and makes it current. Returns only once the
     * pointer naming it is durable. The generation's files (certificate chain, trust bundle, revocation
     * head, {@code state.json}) are written and fsynced before the pointer names them: in particular an
     * active state's certificate is stored before any reader can see the state active.
     *
     * @param next the new state, a transition {@code spec/agent.md} allows from the current one
     * @return the published generation
     * @throws VerificationException {@link ErrorCode#AGENT_STATE_TRANSITION} for a forbidden transition,
     *     {@link ErrorCode#AGENT_STATE_INCOMPLETE} if the state's key has no key file here, {@link
     *     ErrorCode#AGENT_KEY_MISMATCH} if an active state's certificate is not for its key
     * @throws InternalException {@link ErrorCode#INTERNAL_IO}; if it came at or after the pointer
     *     rename, this instance refuses further use and the directory must be opened again
     */
    public synchronized Generation publish(AgentState next) {
        Objects.requireNonNull(next, "next");
        ensureUsable();
        Lifecycle.check(current.map(Generation::state), next);
        if (next instanceof ActiveState active && !KeyMatch.certifies(active.certificate(), active.nodeKey())) {
            throw VerificationException.mismatch(
                    ErrorCode.AGENT_KEY_MISMATCH,
                    "a certificate for the key with kid "
                            + active.nodeKey().kid().toHex(),
                    "a certificate for another key");
        }
        Map<String, Digest> digests = new LinkedHashMap<>();
        Optional<String> keyFile = GenerationLoader.keyFile(next);
        if (keyFile.isPresent()) {
            Path path = dir.resolve(keyFile.get());
            if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new VerificationException(
                        ErrorCode.AGENT_STATE_INCOMPLETE,
                        "no private key file " + keyFile.get() + " for the state's key; create keys with createKey",
                        Map.of("file", path.toString()),
                        null);
            }
            digests.put(keyFile.get(), FileDigest.of(StateFiles.read(path, KeyFiles.MAX_FILE_BYTES)));
        }
        Map<String, byte[]> files = ContentFiles.of(next);
        files.forEach((name, content) -> digests.put(name, FileDigest.of(content)));
        long number = current.map(g -> g.number() + 1).orElse(1L);
        byte[] json = StateJson.encode(number, next, digests);
        byte[] pointer = new Pointer(number, FileDigest.of(json)).encode();
        writeGeneration(number, files, json);
        commit(pointer);
        Generation published = new Generation(number, next);
        current = Optional.of(published);
        keyFile.ifPresent(stagedKeys::remove);
        try {
            collectGarbage();
        } catch (IOException e) {
            throw StateFiles.io("collect garbage in " + dir + " (the publication succeeded)", e);
        }
        return published;
    }

    private void writeGeneration(long number, Map<String, byte[]> files, byte[] json) {
        Path gen = dir.resolve(Generation.directoryName(number));
        try {
            StateFiles.deleteRecursively(gen);
            StateFiles.createDirectory(gen);
            steps.reached("directory");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                StateFiles.writeNew(gen.resolve(file.getKey()), file.getValue());
                steps.reached(file.getKey());
            }
            StateFiles.writeNew(gen.resolve(StateJson.FILE), json);
            steps.reached(StateJson.FILE);
            StateFiles.syncDirectory(gen);
            StateFiles.syncDirectory(dir);
            steps.reached("synced");
        } catch (IOException e) {
            throw StateFiles.io("write " + gen, e);
        }
    }

    private void commit(byte[] pointer) {
        broken = true;
        try {
            StateFiles.replace(dir, Pointer.FILE, pointer, () -> steps.reached("pointer-written"));
        } catch (IOException e) {
            throw StateFiles.io("replace " + dir.resolve(Pointer.FILE), e);
        }
        steps.reached("committed");
        broken = false;
    }

    /** Deletes what the current generation does not reach, among Cairn's names only. */
    private void collectGarbage() throws IOException {
        Optional<String> keepGeneration = current.map(g -> Generation.directoryName(g.number()));
        Optional<String> keepKey = current.flatMap(g -> GenerationLoader.keyFile(g.state()));
        boolean deleted = false;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                boolean garbage = (Generation.isDirectoryName(name) && !keepGeneration.equals(Optional.of(name)))
                        || name.equals(Pointer.FILE + ".tmp")
                        || (KEY_FILE.matcher(name).matches()
                                && !keepKey.equals(Optional.of(name))
                                && !stagedKeys.contains(name))
                        || KEY_TEMP.matcher(name).matches();
                if (garbage) {
                    StateFiles.deleteRecursively(entry);
                    deleted = true;
                }
            }
        }
        if (deleted) {
            StateFiles.syncDirectory(dir);
        }
    }

    private static void create(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            StateFiles.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw Invalid.file(dir.toString(), "exists and is not a directory", e);
            }
            return;
        }
        if (parent != null) {
            StateFiles.syncDirectory(parent);
        }
    }

    /**
     * Without a pointer, only the first publication's generation can exist, uncommitted. A later
     * generation means the pointer was lost after commits: refuse rather than collect a live identity.
     */
    private static void checkNoCommittedGeneration(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (Generation.isDirectoryName(name) && !name.equals(Generation.directoryName(1))) {
                    throw new VerificationException(
                            ErrorCode.AGENT_STATE_INCOMPLETE,
                            dir.resolve(Pointer.FILE) + " is missing, but " + name
                                    + " exists: the root pointer was lost",
                            Map.of("file", dir.resolve(Pointer.FILE).toString()),
                            null);
                }
            }
        }
    }

    private static FileLock tryLock(FileChannel channel, Path dir) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new InternalException(
                    ErrorCode.INTERNAL_STORE_LOCKED, dir + " is open in another agent or instance", null);
        }
        return lock;
    }

    private void ensureUsable() {
        if (closed) {
            throw new IllegalStateException("the state directory is closed");
        }
        if (broken) {
            throw new InternalException(
                    ErrorCode.INTERNAL_IO,
                    "a publication failed at its commit point; close and open " + dir + " again",
                    null);
        }
    }

    /** Releases the lock. Published generations stay; a key created but never published is garbage. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw StateFiles.io("close " + dir, e);
        }
    }
}
