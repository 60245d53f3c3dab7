package dev.cairn.verifier.bundle;

import dev.cairn.audit.AuditBundleEntry;
import dev.cairn.audit.AuditBundleHeader;
import dev.cairn.audit.AuditBundleItem;
import dev.cairn.audit.AuditBundleTrailer;
import dev.cairn.bytes.Digest;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborBytes;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Takes bundles apart into their items and puts them back together, for the mutation tests. */
final class Frames {
    private Frames() {}

    static List<byte[]> split(byte[] bundle) {
        List<byte[]> items = new ArrayList<>();
        int pos = 0;
        while (pos < bundle.length) {
            int info = bundle[pos++] & 0x1f;
            int length = info;
            if (info >= 24) {
                int bytes = 1 << (info - 24);
                length = 0;
                for (int k = 0; k < bytes; k++) {
                    length = length << 8 | (bundle[pos++] & 0xff);
                }
            }
            byte[] item = new byte[length];
            System.arraycopy(bundle, pos, item, 0, length);
            items.add(item);
            pos += length;
        }
        return items;
    }

    static byte[] join(List<byte[]> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        items.forEach(item -> out.writeBytes(Cbor.encode(CborBytes.of(item))));
        return out.toByteArray();
    }

    /** The bundle with its header replaced and its trailer recomputed, so that only the header change counts. */
    static byte[] withHeader(byte[] bundle, UnaryOperator<HeaderEdit> edit) {
        List<byte[]> items = split(bundle);
        AuditBundleHeader header = edit.apply(new HeaderEdit(AuditBundleHeader.decode(items.get(0))))
                .build();
        items.set(0, header.encode());
        return join(retrailer(items, header.count()));
    }

    /** The items with a trailer that matches their header and last entry. */
    static List<byte[]> retrailer(List<byte[]> items, long count) {
        Digest head = ((AuditBundleEntry) AuditBundleItem.decode(items.get(items.size() - 2)))
                .marker()
                .hash();
        items.set(
                items.size() - 1,
                new AuditBundleTrailer(count, AuditBundleTrailer.digest(items.get(0), head)).encode());
        return items;
    }
}
