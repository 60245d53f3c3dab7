package dev.cairn.tools.vectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.hash.DomainHash;
import dev.cairn.hash.HashDomain;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Domain-separated hash vectors: one per registered domain and input. */
final class HashVectors {
    private static final HexFormat HEX = HexFormat.of();

    private HashVectors() {}

    static void generate(VectorSet set) {
        for (HashDomain domain : HashDomain.values()) {
            String kind = domain.tag().replace('/', '-');
            add(set, domain, kind + "-empty", "the empty input", new byte[0]);
            add(set, domain, kind + "-abc", "the ASCII bytes 'abc'", "abc".getBytes(StandardCharsets.US_ASCII));
            byte[] ramp = new byte[1000];
            for (int i = 0; i < ramp.length; i++) {
                ramp[i] = (byte) i;
            }
            add(set, domain, kind + "-ramp-1000", "bytes 0, 1, ..., 255, 0, ... (1000 bytes)", ramp);
        }
    }

    private static void add(VectorSet set, HashDomain domain, String name, String description, byte[] data) {
        ObjectNode node = set.accept("hash", name, "DomainHash(" + domain.tag() + ", " + description + ")");
        node.put("domain", domain.tag());
        node.put("data", HEX.formatHex(data));
        node.put("digest", DomainHash.of(domain, data).toHex());
    }
}
