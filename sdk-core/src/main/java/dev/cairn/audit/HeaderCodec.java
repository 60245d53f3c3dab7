package dev.cairn.audit;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborNull;
import dev.cairn.cbor.CborText;
import dev.cairn.cbor.CborValue;
import dev.cairn.checkpoint.LogId;
import dev.cairn.keys.VerificationKey;
import dev.cairn.marker.Marker;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.ConsistencyProof;
import dev.cairn.mmr.MmrMath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The header item's CDDL ({@code spec/audit-bundle.md}, "Header"), both ways. */
final class HeaderCodec {
    private static final long VERSION = 1;
    private static final long LOG_ID = 2;
    private static final long FIRST = 3;
    private static final long COUNT = 4;
    private static final long LOG_KEYS = 5;
    private static final long TRUST = 6;
    private static final long CHECKPOINT = 7;
    private static final long START = 8;
    private static final long START_PROOF = 9;
    private static final long ANCHOR = 10;
    private static final long END_PROOF = 11;
    private static final long OLDER = 12;
    private static final List<CborInt> KEYS = keys();

    private HeaderCodec() {}

    static byte[] encode(AuditBundleHeader h) {
        CborMap.Builder map = CborMap.builder()
                .put(VERSION, CborInt.of(AuditBundleFormat.VERSION))
                .put(LOG_ID, CborText.of(h.logId().value()))
                .put(FIRST, CborInt.of(h.first()))
                .put(COUNT, CborInt.of(h.count()))
                .put(
                        LOG_KEYS,
                        new CborArray(h.logKeys().stream()
                                .<CborValue>map(VerificationKey::toCoseKey)
                                .toList()))
                .put(CHECKPOINT, new CborBytes(h.checkpoint()))
                .put(START, Items.hashArray(h.start().peaks()));
        if (!h.trustMaterial().isEmpty()) {
            map.put(
                    TRUST,
                    new CborArray(h.trustMaterial().stream()
                            .<CborValue>map(t -> CborArray.of(CborText.of(t.type()), new CborBytes(t.data())))
                            .toList()));
        }
        h.startProof().ifPresent(p -> map.put(START_PROOF, p.toCbor()));
        h.anchor().ifPresent(a -> map.put(ANCHOR, anchor(a)));
        h.endProof().ifPresent(p -> map.put(END_PROOF, p.toCbor()));
        if (!h.olderCheckpoints().isEmpty()) {
            map.put(
                    OLDER,
                    new CborArray(h.olderCheckpoints().stream()
                            .<CborValue>map(l -> CborArray.of(
                                    new CborBytes(l.checkpoint()),
                                    l.toNext()
                                            .<CborValue>map(ConsistencyProof::toCbor)
                                            .orElse(CborNull.NULL)))
                            .toList()));
        }
        return Cbor.encode(map.build());
    }

    private static CborArray anchor(RangeAnchor a) {
        Marker m = a.marker();
        return CborArray.of(
                CborInt.of(m.timeMillis()),
                CborText.of(m.kind()),
                new CborBytes(m.payloadDigest().bytes()),
                new CborBytes(m.prevHash().bytes()),
                Items.hashArray(a.path()));
    }

    static AuditBundleHeader decode(byte[] item) {
        if (item.length > AuditBundleFormat.MAX_HEADER_BYTES) {
            throw BundleErrors.malformed(
                    "header of " + item.length + " bytes, want at most " + AuditBundleFormat.MAX_HEADER_BYTES);
        }
        if (!(Items.decode(item, AuditBundleFormat.HEADER_LIMITS, "header") instanceof CborMap map)) {
            throw BundleErrors.malformed("the header is a map");
        }
        for (CborMap.Entry entry : map.entries()) {
            if (!KEYS.contains(entry.key())) {
                throw BundleErrors.malformed(
                        "header: unknown field " + entry.key().toDiagnostic());
            }
        }
        long version = Items.uint(required(map, VERSION), "version");
        if (version != AuditBundleFormat.VERSION) {
            throw BundleErrors.malformed("format version " + version + ", want " + AuditBundleFormat.VERSION);
        }
        String logId = Items.text(required(map, LOG_ID), "log id");
        if (!LogId.isValid(logId)) {
            throw BundleErrors.malformed("log id is not 1-255 printable ASCII characters");
        }
        long first = Items.uint(required(map, FIRST), "first");
        long count = Items.uint(required(map, COUNT), "count");
        if (count < 1 || first > MmrMath.MAX_LEAVES || count > MmrMath.MAX_LEAVES - first) {
            throw BundleErrors.malformed("range " + first + " + " + count + ": want count >= 1 within the MMR");
        }
        List<VerificationKey> logKeys = new ArrayList<>();
        for (CborValue key : Items.array(required(map, LOG_KEYS), "log keys", 1, AuditBundleFormat.MAX_LOG_KEYS)
                .items()) {
            if (!(key instanceof CborMap coseKey)) {
                throw BundleErrors.malformed("a log key is a COSE_Key map");
            }
            logKeys.add(VerificationKey.fromCoseKey(coseKey));
        }
        Bytes checkpoint =
                Items.bytes(required(map, CHECKPOINT), "checkpoint", 1, AuditBundleFormat.MAX_CHECKPOINT_BYTES);
        Accumulator start =
                new Accumulator(MmrMath.sizeForLeafCount(first), Items.hashes(required(map, START), "start"));
        Optional<ConsistencyProof> startProof = map.get(START_PROOF).map(ConsistencyProof::fromCbor);
        Optional<RangeAnchor> anchor = map.get(ANCHOR).map(a -> anchor(a, first));
        Optional<ConsistencyProof> endProof = map.get(END_PROOF).map(ConsistencyProof::fromCbor);
        try {
            return new AuditBundleHeader(
                    new LogId(logId),
                    first,
                    count,
                    logKeys,
                    trust(map),
                    checkpoint,
                    start,
                    startProof,
                    anchor,
                    endProof,
                    older(map));
        } catch (IllegalArgumentException e) {
            throw BundleErrors.malformed(e.getMessage());
        }
    }

    private static CborValue required(CborMap map, long key) {
        return map.get(key).orElseThrow(() -> BundleErrors.malformed("header: missing field " + key));
    }

    private static RangeAnchor anchor(CborValue value, long first) {
        if (first == 0) {
            throw BundleErrors.malformed("an anchor with first = 0");
        }
        CborArray a = Items.array(value, "anchor", 5, 5);
        Marker marker = Marker.of(
                first - 1,
                Items.uint(a.get(0), "anchor time"),
                Items.text(a.get(1), "anchor kind"),
                Items.hash(a.get(2), "anchor payload digest"),
                Items.hash(a.get(3), "anchor previous hash"));
        return new RangeAnchor(marker, Items.hashes(a.get(4), "anchor path"));
    }

    private static List<TrustMaterial> trust(CborMap map) {
        Optional<CborValue> value = map.get(TRUST);
        if (value.isEmpty()) {
            return List.of();
        }
        List<TrustMaterial> material = new ArrayList<>();
        for (CborValue item : Items.array(value.get(), "trust material", 1, AuditBundleFormat.MAX_TRUST_MATERIAL)
                .items()) {
            CborArray pair = Items.array(item, "trust material entry", 2, 2);
            String type = Items.text(pair.get(0), "trust material type");
            if (!TrustMaterial.isValidType(type)) {
                throw BundleErrors.malformed("trust material type must be 1-64 printable ASCII characters");
            }
            material.add(new TrustMaterial(
                    type, Items.bytes(pair.get(1), "trust material", 0, AuditBundleFormat.MAX_TRUST_MATERIAL_BYTES)));
        }
        return material;
    }

    private static List<CheckpointLink> older(CborMap map) {
        Optional<CborValue> value = map.get(OLDER);
        if (value.isEmpty()) {
            return List.of();
        }
        List<CheckpointLink> links = new ArrayList<>();
        for (CborValue item : Items.array(value.get(), "older checkpoints", 1, AuditBundleFormat.MAX_OLDER_CHECKPOINTS)
                .items()) {
            CborArray pair = Items.array(item, "checkpoint link", 2, 2);
            Bytes checkpoint = Items.bytes(pair.get(0), "older checkpoint", 1, AuditBundleFormat.MAX_CHECKPOINT_BYTES);
            Optional<ConsistencyProof> proof = pair.get(1) == CborNull.NULL
                    ? Optional.empty()
                    : Optional.of(ConsistencyProof.fromCbor(pair.get(1)));
            links.add(new CheckpointLink(checkpoint, proof));
        }
        return links;
    }

    private static List<CborInt> keys() {
        List<CborInt> keys = new ArrayList<>();
        for (long k = VERSION; k <= OLDER; k++) {
            keys.add(CborInt.of(k));
        }
        return List.copyOf(keys);
    }
}
