package dev.cairn.mmr.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.mmr.MemoryNodeStore;
import dev.cairn.mmr.Mmr;
import dev.cairn.mmr.MmrMath;
import dev.cairn.mmr.MmrVerifier;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileNodeStoreTest {
    @TempDir
    Path dir;

    @Test
    void reopeningGivesTheSameNodes() {
        Path file = dir.resolve("nodes");
        List<Digest> nodes = values(5000);
        try (FileNodeStore store = FileNodeStore.open(file)) {
            for (int i = 0; i < nodes.size(); i++) {
                assertEquals(i, store.append(nodes.get(i)));
                assertEquals(nodes.get(i), store.get(i));
            }
            assertEquals(nodes.get(10), store.get(10));
        }
        try (FileNodeStore store = FileNodeStore.open(file)) {
            assertEquals(5000, store.size());
            for (int i = 0; i < nodes.size(); i++) {
                assertEquals(nodes.get(i), store.get(i));
            }
        }
    }

    @Test
    void aTornTrailingNodeIsCutOnOpen() throws IOException {
        Path file = dir.resolve("nodes");
        List<Digest> nodes = values(3);
        try (FileNodeStore store = FileNodeStore.open(file)) {
            nodes.forEach(store::append);
        }
        Files.write(file, new byte[17], StandardOpenOption.APPEND);
        assertEquals(3 * 32 + 17, Files.size(file));
        try (FileNodeStore store = FileNodeStore.open(file)) {
            assertEquals(3, store.size());
            assertEquals(3 * 32, Files.size(file));
            assertEquals(nodes.get(2), store.get(2));
            assertEquals(3, store.append(nodes.get(0)));
        }
        assertEquals(4 * 32, Files.size(file));
    }

    @Test
    void anMmrOfThousandsOfLeavesOnFileEqualsTheMemoryOne() {
        Path file = dir.resolve("mmr");
        List<Digest> leaves = values(3000);
        Mmr memory = Mmr.open(new MemoryNodeStore());
        try (FileNodeStore store = FileNodeStore.open(file)) {
            Mmr onFile = Mmr.open(store);
            for (int e = 0; e < 2000; e++) {
                assertEquals(memory.append(leaves.get(e)), onFile.append(leaves.get(e)));
            }
            onFile.sync();
            assertEquals(memory.accumulator(), onFile.accumulator());
        }
        try (FileNodeStore store = FileNodeStore.open(file)) {
            Mmr onFile = Mmr.open(store);
            assertEquals(memory.accumulator(), onFile.accumulator());
            for (int e = 2000; e < leaves.size(); e++) {
                memory.append(leaves.get(e));
                onFile.append(leaves.get(e));
            }
            assertEquals(memory.size(), onFile.size());
            for (long i = 0; i < memory.size(); i++) {
                assertEquals(memory.node(i), onFile.node(i));
            }
            long size = onFile.size();
            for (long i = 0; i < size; i += 41) {
                MmrVerifier.verifyInclusion(onFile.inclusionProof(i, size), memory.node(i), memory.accumulator());
            }
            long earlier = MmrMath.sizeForLeafCount(1500);
            MmrVerifier.verifyConsistency(
                    onFile.consistencyProof(earlier, size), memory.accumulator(earlier), memory.accumulator());
        }
    }

    /** A crash after a leaf reached the file but before its interior nodes did. */
    @Test
    void anInterruptedAppendIsCompletedOnOpen() throws IOException {
        Path file = dir.resolve("mmr");
        List<Digest> leaves = values(64);
        Mmr memory = Mmr.open(new MemoryNodeStore());
        leaves.forEach(memory::append);
        try (FileNodeStore store = FileNodeStore.open(file)) {
            Mmr onFile = Mmr.open(store);
            leaves.forEach(onFile::append);
        }
        // Leaf 63 is node 120 and completes the six interior nodes 121-126; keep 121 and part of 122.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(122 * 32 + 5);
        }
        Digest next = values(65).get(64);
        memory.append(next);
        try (FileNodeStore store = FileNodeStore.open(file)) {
            assertEquals(122, store.size());
            Mmr onFile = Mmr.open(store);
            assertEquals(127, onFile.size());
            onFile.append(next);
            assertEquals(memory.accumulator(), onFile.accumulator());
        }
    }

    @Test
    void misuseIsReported() {
        Path file = dir.resolve("nodes");
        FileNodeStore store = FileNodeStore.open(file);
        assertEquals(
                ErrorCode.INTERNAL_STORE_LOCKED,
                assertThrows(InternalException.class, () -> FileNodeStore.open(file))
                        .code());
        assertEquals(
                ErrorCode.MMR_SIZE_INVALID,
                assertThrows(MalformedInputException.class, () -> store.get(0)).code());
        store.close();
        store.close();
        assertThrows(IllegalStateException.class, store::size);
        assertThrows(IllegalStateException.class, () -> store.get(0));
        assertEquals(
                ErrorCode.INTERNAL_IO,
                assertThrows(InternalException.class, () -> FileNodeStore.open(dir))
                        .code());
    }

    private static List<Digest> values(int count) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<Digest> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                out.add(Digest.of(sha.digest(ByteBuffer.allocate(8).putLong(i).array())));
            }
            return out;
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
