package dev.cairn.verifier.bundle;

import dev.cairn.bytes.Bytes;
import dev.cairn.errors.CairnException;
import dev.cairn.keys.KeySet;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.VerificationKey;
import java.nio.file.Path;

/**
 * The child JVM of {@link BoundedMemoryTest}: verifies one bundle file and reports on standard
 * output. Arguments: the file and the log key (raw Ed25519, hex). Exit status 0 verified, 1 a coded
 * failure, 2 anything else.
 */
public final class BundleVerifyChild {
    private BundleVerifyChild() {}

    public static void main(String[] args) {
        try {
            VerificationKey key = VerificationKey.fromEncoded(
                    KeyType.ED25519, Bytes.fromHex(args[1]).toByteArray());
            VerifiedAuditBundle v = AuditBundleVerifier.builder()
                    .trustedLogKeys(KeySet.of(key))
                    .expectLogId(TestLog.LOG)
                    .clock(TestLog.NOW)
                    .parallelism(2)
                    .build()
                    .verify(Path.of(args[0]));
            System.out.println("verified " + v.receipts() + " max heap "
                    + Runtime.getRuntime().maxMemory());
            System.exit(0);
        } catch (CairnException e) {
            System.out.println("failed " + e.code());
            System.exit(1);
        } catch (Throwable e) {
            System.out.println("crashed " + e);
            System.exit(2);
        }
    }
}
