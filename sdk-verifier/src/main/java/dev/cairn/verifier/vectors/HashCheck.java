package dev.cairn.verifier.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.hash.DomainHash;
import dev.cairn.hash.HashDomain;
import java.util.Arrays;

/** {@code hash} vectors ({@code spec/hashing.md}): the domain-separated digest of {@code data}. */
final class HashCheck implements VectorCheck {
    @Override
    public void accept(JsonNode v) {
        String tag = Fields.text(v, "domain");
        HashDomain domain = Arrays.stream(HashDomain.values())
                .filter(d -> d.tag().equals(tag))
                .findFirst()
                .orElseThrow(() -> VectorFailure.broken("unknown hash domain " + tag));
        Fields.same(
                "digest",
                Fields.text(v, "digest"),
                DomainHash.of(domain, Fields.hex(v, "data")).toHex());
    }

    /** Hashing refuses nothing: a hash vector that expects a rejection cannot hold. */
    @Override
    public void reject(JsonNode v) {
        throw VectorFailure.broken("hash vectors are accept vectors only");
    }
}
