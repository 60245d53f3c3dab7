package dev.cairn.server.enroll;

import dev.cairn.bytes.Digest;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBool;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborText;
import dev.cairn.cbor.CborValue;
import dev.cairn.hash.DomainHash;
import dev.cairn.hash.HashDomain;
import java.util.List;

/**
 * The request hash of an enrollment statement ({@code spec/enrollment.md} section 7): {@code
 * DomainHash("cairn/enroll-request/v1", canonical CBOR of a map)} whose text keys are {@code kind}
 * (the statement kind) and the request's content; never a secret.
 */
final class RequestHash {
    private final CborMap.Builder map = CborMap.builder();

    private RequestHash(String kind) {
        map.put("kind", CborText.of(kind));
    }

    static RequestHash of(String kind) {
        return new RequestHash(kind);
    }

    RequestHash text(String key, String value) {
        if (value != null) {
            map.put(key, CborText.of(value));
        }
        return this;
    }

    RequestHash bytes(String key, byte[] value) {
        map.put(key, CborBytes.of(value));
        return this;
    }

    RequestHash integer(String key, long value) {
        map.put(key, CborInt.of(value));
        return this;
    }

    RequestHash bool(String key, boolean value) {
        map.put(key, CborBool.of(value));
        return this;
    }

    RequestHash texts(String key, List<String> values) {
        map.put(
                key,
                new CborArray(
                        values.stream().map(v -> (CborValue) CborText.of(v)).toList()));
        return this;
    }

    RequestHash map(String key, CborMap value) {
        map.put(key, value);
        return this;
    }

    /** The canonical encoding that is hashed. */
    byte[] encoded() {
        return Cbor.encode(map.build());
    }

    Digest digest() {
        return DomainHash.of(HashDomain.ENROLL_REQUEST, encoded());
    }
}
