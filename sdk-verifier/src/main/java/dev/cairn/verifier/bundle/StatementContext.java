package dev.cairn.verifier.bundle;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborText;
import dev.cairn.checkpoint.LogId;
import dev.cairn.checkpoint.VerifiedCheckpoint;
import dev.cairn.cose.CoseAlgorithm;
import dev.cairn.cose.CoseHeaders;
import dev.cairn.cose.CoseVerifier;
import dev.cairn.keys.KeySet;
import dev.cairn.keys.VerificationKey;
import dev.cairn.receipt.Statement;

/**
 * What every statement of a range is checked against: the log, the covering checkpoint's time, the
 * protected header its signer writes (the statements the checkpoint proves), and the verifier for
 * the statements whose signatures are checked. Immutable; shared by the worker threads.
 */
final class StatementContext {
    final LogId logId;
    /** The log id as a canonical CBOR text string, as it appears in a statement's payload. */
    final byte[] logIdItem;

    final long checkpointMillis;
    /** The protected header the checkpoint's signer writes on a statement, as serialized bytes. */
    final Bytes signerHeader;
    /** The same header as it appears in a COSE_Sign1: a byte string item, head included. */
    final byte[] signerHeaderItem;

    final StatementSignaturePolicy policy;
    final CoseVerifier cose;
    /** The certified log keys, whose signatures count only with a chain valid at the statement's time. */
    final CertifiedKeys certified;

    StatementContext(Rules rules, KeySet trusted, CertifiedKeys certified, VerifiedCheckpoint checkpoint) {
        this.certified = certified;
        this.logId = rules.logId();
        this.logIdItem = Cbor.encode(CborText.of(logId.value()));
        this.checkpointMillis = checkpoint.checkpoint().time().toEpochMilli();
        VerificationKey signer = checkpoint.signer();
        byte[] header = Cbor.encode(CborMap.builder()
                .put(
                        CoseHeaders.ALG,
                        CborInt.of(CoseAlgorithm.forKeyType(signer.type()).id()))
                .put(CoseHeaders.CONTENT_TYPE, CborText.of(Statement.CONTENT_TYPE))
                .put(CoseHeaders.KID, new CborBytes(signer.kid()))
                .build());
        this.signerHeader = Bytes.copyOf(header);
        this.signerHeaderItem = Cbor.encode(new CborBytes(signerHeader));
        this.policy = rules.policy();
        this.cose = CoseVerifier.builder()
                .trustedKeys(trusted)
                .allowAlgorithms(rules.algorithmArray())
                .expectContentType(Statement.CONTENT_TYPE)
                .build();
    }
}
