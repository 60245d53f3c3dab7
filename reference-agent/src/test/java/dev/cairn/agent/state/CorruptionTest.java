package dev.cairn.agent.state;

import static dev.cairn.agent.state.AgentFixture.ACCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each file of the current generation torn, flipped or removed: open refuses it with a code, deletes nothing. */
class CorruptionTest {
    @TempDir
    Path tmp;

    private Path dir;
    private List<Path> files;

    @BeforeEach
    void setUp() {
        dir = tmp.resolve("state");
        AgentFixture fixture = new AgentFixture(tmp.resolve("host"));
        String keyFile;
        try (StateDirectory state = StateDirectory.open(dir)) {
            SigningKey key = state.createKey(fixture.type, fixture.random, ACCESS);
            state.publish(fixture.pending(fixture.enrollment("jr-1"), key));
            state.publish(fixture.active(fixture.enrollment("jr-1"), key, AgentFixture.node("n-1")));
            keyFile = StateJson.keyFileName(key.verificationKey());
        }
        Path gen = dir.resolve("gen-2");
        files = List.of(
                dir.resolve("CURRENT"),
                gen.resolve("state.json"),
                gen.resolve("chain.pem"),
                gen.resolve("bundle.jwks"),
                gen.resolve("revocation-head.cose"),
                dir.resolve(keyFile));
    }

    private static List<UnaryOperator<byte[]>> mutations(int length) {
        List<UnaryOperator<byte[]>> out = new ArrayList<>();
        out.add(b -> new byte[0]);
        out.add(b -> Arrays.copyOf(b, b.length / 2));
        out.add(b -> Arrays.copyOf(b, b.length - 1));
        out.add(b -> Arrays.copyOf(b, b.length + 1));
        for (int position : new int[] {0, length / 3, length / 2, length - 2, length - 1}) {
            for (int bit : new int[] {0x01, 0x20, 0x80}) {
                out.add(b -> {
                    byte[] copy = b.clone();
                    copy[position] ^= (byte) bit;
                    return copy;
                });
            }
        }
        return out;
    }

    private void assertRefused(Path file, Set<ErrorCode> allowed, String what) throws IOException {
        Set<String> before = StateDirectoryTest.names(dir);
        CairnException e = assertThrows(
                CairnException.class, () -> StateDirectory.open(dir).close(), what);
        assertTrue(allowed.contains(e.code()), what + ": " + e.code() + " " + e.getMessage());
        CairnException read = assertThrows(CairnException.class, () -> StateDirectory.read(dir), what);
        assertTrue(allowed.contains(read.code()), what + ": " + read.code());
        assertEquals(before, StateDirectoryTest.names(dir), what + ": nothing is collected from a bad state");
    }

    @Test
    void everyTornOrFlippedFileIsACodedError() throws IOException {
        for (Path file : files) {
            byte[] original = Files.readAllBytes(file);
            List<UnaryOperator<byte[]>> mutations = mutations(original.length);
            for (int i = 0; i < mutations.size(); i++) {
                Files.write(file, mutations.get(i).apply(original));
                Set<ErrorCode> allowed = file.getFileName().toString().equals("CURRENT")
                        // The pointer is checked by its format, then by the digest of what it names.
                        ? Set.of(
                                ErrorCode.AGENT_STATE_MALFORMED,
                                ErrorCode.AGENT_STATE_DIGEST_MISMATCH,
                                ErrorCode.AGENT_STATE_INCOMPLETE)
                        // Every other file's digest is checked before it is parsed.
                        : Set.of(ErrorCode.AGENT_STATE_DIGEST_MISMATCH);
                assertRefused(file, allowed, file.getFileName() + " mutation " + i);
            }
            Files.write(file, original);
            StateDirectory.open(dir).close();
        }
    }

    @Test
    void everyMissingFileIsACodedError() throws IOException {
        for (Path file : files.subList(1, files.size())) {
            byte[] original = Files.readAllBytes(file);
            Files.delete(file);
            assertRefused(file, Set.of(ErrorCode.AGENT_STATE_INCOMPLETE), file.getFileName() + " deleted");
            StateFiles.writeNew(file, original);
        }
        Path gen = dir.resolve("gen-2");
        Path moved = tmp.resolve("moved");
        Files.move(gen, moved);
        assertRefused(gen, Set.of(ErrorCode.AGENT_STATE_INCOMPLETE), "generation directory deleted");
        Files.move(moved, gen);
        StateDirectory.open(dir).close();
    }

    @Test
    void aFileReplacedByALinkIsRefused() throws IOException {
        Path chain = files.get(2);
        Path elsewhere = tmp.resolve("chain.pem");
        Files.move(chain, elsewhere);
        Files.createSymbolicLink(chain, elsewhere);
        assertRefused(chain, Set.of(ErrorCode.AGENT_STATE_MALFORMED), "symbolic link");
    }
}
