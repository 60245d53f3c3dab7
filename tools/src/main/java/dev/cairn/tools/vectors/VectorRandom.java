package dev.cairn.tools.vectors;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;

/**
 * A {@link SecureRandom} that is not random at all: it streams SHA-256(label || counter), the
 * counter an 8-byte big-endian block number from 0. Only for vectors, where a CA's serial numbers
 * must come out the same on every run; anyone can recompute them from the label.
 */
final class VectorRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;

    /**
     * A stream for one label.
     *
     * @param label the public label the bytes derive from
     */
    VectorRandom(String label) {
        super(new Stream(label.getBytes(StandardCharsets.UTF_8)), null);
    }

    /** The deterministic stream; seeding is ignored, so that nothing outside the label changes it. */
    private static final class Stream extends SecureRandomSpi {
        private static final long serialVersionUID = 1L;

        private final byte[] label;
        private long counter;
        private byte[] block = new byte[0];
        private int used;

        Stream(byte[] label) {
            this.label = label.clone();
        }

        @Override
        protected void engineSetSeed(byte[] seed) {}

        @Override
        protected synchronized void engineNextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                if (used == block.length) {
                    block = nextBlock();
                    used = 0;
                }
                bytes[i] = block[used++];
            }
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            byte[] seed = new byte[numBytes];
            engineNextBytes(seed);
            return seed;
        }

        private byte[] nextBlock() {
            try {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                sha256.update(label);
                sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(counter++).array());
                return sha256.digest();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing", e);
            }
        }
    }
}
