package dev.cairn.agent.state;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.trust.bundle.TrustBundleJwks;
import dev.cairn.trust.keyfile.KeyFiles;
import dev.cairn.trust.revocation.RevocationHeadVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Loads the generation the root pointer names, checking every file against the digest recorded for
 * it: the pointer holds the digest of {@code state.json}, which holds the digests of the rest.
 * Nothing a pointer does not reach is read.
 */
final class GenerationLoader {
    private GenerationLoader() {}

    /** The pointer's bytes, or empty if the directory has no pointer (no state was ever published). */
    static Optional<byte[]> pointerBytes(Path dir) {
        Path file = dir.resolve(Pointer.FILE);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(StateFiles.read(file, Pointer.MAX_BYTES));
    }

    /** Loads the generation that pointer bytes name. */
    static Generation load(Path dir, byte[] pointerBytes) {
        Pointer pointer = Pointer.parse(pointerBytes);
        String genName = Generation.directoryName(pointer.generation());
        Path gen = dir.resolve(genName);
        if (!Files.isDirectory(gen, LinkOption.NOFOLLOW_LINKS)) {
            throw StateFiles.missing(gen);
        }
        try {
            StateFiles.checkOwnerOnly(gen);
        } catch (IOException e) {
            throw StateFiles.io("read permissions of " + gen, e);
        }
        byte[] json = StateFiles.read(gen.resolve(StateJson.FILE), StateJson.MAX_BYTES);
        FileDigest.check(genName + "/" + StateJson.FILE, json, pointer.stateDigest());
        StateJson.Decoded decoded = StateJson.decode(json, new Loader(dir, gen, genName));
        if (decoded.generation() != pointer.generation()) {
            throw Invalid.file(
                    genName + "/" + StateJson.FILE,
                    "generation " + decoded.generation() + ", but " + Pointer.FILE + " names " + pointer.generation(),
                    null);
        }
        return new Generation(pointer.generation(), decoded.state());
    }

    /** The key file a state names, if any. */
    static Optional<String> keyFile(AgentState state) {
        if (state instanceof PendingState pending) {
            return Optional.of(StateJson.keyFileName(pending.nodeKey()));
        }
        if (state instanceof ActiveState active) {
            return Optional.of(StateJson.keyFileName(active.nodeKey()));
        }
        return Optional.empty();
    }

    /** Largest size of each file a state document names. */
    static int maxBytes(String name) {
        return switch (name) {
            case StateJson.BUNDLE_FILE -> TrustBundleJwks.MAX_BYTES;
            case StateJson.HEAD_FILE -> RevocationHeadVerifier.MAX_SIGNED_BYTES;
            default -> KeyFiles.MAX_FILE_BYTES;
        };
    }

    /** Key files live in the state directory (they outlive generations), the rest in the generation. */
    private record Loader(Path dir, Path gen, String genName) implements StateJson.Files {
        @Override
        public byte[] bytes(String name, Digest digest) {
            byte[] content = StateFiles.read(path(name), maxBytes(name));
            FileDigest.check(label(name), content, digest);
            return content;
        }

        @Override
        public List<X509Certificate> certificates(String name, Digest digest) {
            byte[] content = bytes(name, digest);
            List<X509Certificate> chain;
            try {
                chain = KeyFiles.readCertificates(path(name));
            } catch (MalformedInputException e) {
                throw Invalid.file(label(name), e.getMessage(), e);
            }
            if (!Arrays.equals(ContentFiles.chain(chain), content)) {
                throw Invalid.file(label(name), "not the canonical PEM of its certificates", null);
            }
            return chain;
        }

        private Path path(String name) {
            return name.startsWith("key-") ? dir.resolve(name) : gen.resolve(name);
        }

        private String label(String name) {
            return name.startsWith("key-") ? name : genName + "/" + name;
        }
    }
}
