/**
 * Cairn's protocol primitives: immutable bytes, the error registry, domain-separated hashing,
 * deterministic CBOR, keys and COSE_Sign1. Depends on Bouncy Castle's provider only.
 */
module dev.cairn.core {
    requires org.bouncycastle.provider;

    exports dev.cairn.bytes;
    exports dev.cairn.errors;
    exports dev.cairn.hash;
    exports dev.cairn.cbor;
    exports dev.cairn.keys;
    exports dev.cairn.cose;
    exports dev.cairn.marker;
    exports dev.cairn.checkpoint;
    exports dev.cairn.receipt;
    exports dev.cairn.mmr;
    exports dev.cairn.mmr.file;
    exports dev.cairn.audit;
}
