package dev.cairn.agent.state;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.SigningKey;
import dev.cairn.keys.VerificationKey;
import dev.cairn.trust.keyfile.KeyFiles;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A generation read from a state directory, every file checked against its digest, and the way to
 * its private key. Made only by {@link StateDirectory}.
 */
public final class StateSnapshot {
    private final Path directory;
    private final Generation generation;

    StateSnapshot(Path directory, Generation generation) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.generation = Objects.requireNonNull(generation, "generation");
    }

    /**
     * The state directory read.
     *
     * @return the directory
     */
    public Path directory() {
        return directory;
    }

    /**
     * The generation the root pointer named.
     *
     * @return the generation
     */
    public Generation generation() {
        return generation;
    }

    /**
     * The state of that generation.
     *
     * @return the state
     */
    public AgentState state() {
        return generation.state();
    }

    /**
     * Reads the node's private key, the one the state names.
     *
     * @param access the explicit token for private key bytes
     * @return the key
     * @throws VerificationException {@link ErrorCode#AGENT_FENCED} for a fenced state, which has no
     *     key; {@link ErrorCode#AGENT_STATE_INCOMPLETE} if the key file is gone; {@link
     *     ErrorCode#AGENT_KEY_MISMATCH} if it holds another key; {@link ErrorCode#KEYFILE_PERMISSIONS}
     * @throws MalformedInputException {@link ErrorCode#KEYFILE_MALFORMED}
     */
    public SigningKey readKey(InsecureSecretKeyAccess access) {
        VerificationKey expected;
        if (state() instanceof PendingState pending) {
            expected = pending.nodeKey();
        } else if (state() instanceof ActiveState active) {
            expected = active.nodeKey();
        } else {
            throw StateCheck.fenced((FencedState) state());
        }
        Path file = directory.resolve(StateJson.keyFileName(expected));
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw StateFiles.missing(file);
        }
        SigningKey key = KeyFiles.readPrivateKey(file, access);
        if (!key.verificationKey().equals(expected)) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("expected", expected.kid().toHex());
            details.put("found", key.verificationKey().kid().toHex());
            details.put("file", file.toString());
            throw new VerificationException(
                    ErrorCode.AGENT_KEY_MISMATCH,
                    file + " holds the key with kid "
                            + key.verificationKey().kid().toHex() + ", the state names "
                            + expected.kid().toHex(),
                    details,
                    null);
        }
        return key;
    }

    @Override
    public String toString() {
        return "StateSnapshot[" + directory + ", generation " + generation.number() + ", "
                + state().phase().wireName() + "]";
    }
}
