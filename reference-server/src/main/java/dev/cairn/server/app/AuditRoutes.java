package dev.cairn.server.app;

import dev.cairn.bytes.Digest;
import dev.cairn.cbor.Cbor;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.ConsistencyProof;
import dev.cairn.mmr.InclusionProof;
import dev.cairn.receipt.SignedCheckpoint;
import dev.cairn.server.http.Auth;
import dev.cairn.server.http.Call;
import dev.cairn.server.http.Payload;
import dev.cairn.server.http.Route;
import dev.cairn.server.store.audit.AuditLog;
import dev.cairn.trust.token.OperatorScope;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

/**
 * The audit log's routes ({@code spec/http-api.md}, "Audit"): the log key, the latest checkpoint
 * (and one signed on demand), a full receipt or COSE Receipt by sequence, inclusion and consistency
 * proofs as {@code cairn-verify proof} documents ({@code verifier-cli.md}), and the audit bundle of
 * a range ({@code audit-bundle.md}), streamed. Everything but the log key needs {@code audit:read}.
 */
public final class AuditRoutes {
    /** Largest range one bundle export covers. */
    public static final long MAX_BUNDLE_COUNT = 1_000_000;

    /** Media type of an audit bundle. */
    public static final String BUNDLE_MEDIA_TYPE = "application/vnd.cairn.audit-bundle+cbor";

    private final AuditLog log;
    private final AuditExport export;

    /**
     * Routes over a log.
     *
     * @param log the audit log
     * @param export the bundle exporter, with the trust material an auditor needs
     */
    public AuditRoutes(AuditLog log, AuditExport export) {
        this.log = Objects.requireNonNull(log, "log");
        this.export = Objects.requireNonNull(export, "export");
    }

    /**
     * An MMR inclusion proof document.
     *
     * @param vds always {@code mmr}
     * @param type always {@code inclusion}
     * @param leafHash the marker hash, hex
     * @param index the leaf's MMR node index
     * @param treeSize the MMR size
     * @param path the proof path, hex
     * @param peaks the accumulator of that size, highest peak first
     */
    public record InclusionDocument(
            String vds,
            String type,
            String leafHash,
            long index,
            long treeSize,
            List<String> path,
            List<String> peaks) {}

    /**
     * An MMR consistency proof document.
     *
     * @param vds always {@code mmr}
     * @param type always {@code consistency}
     * @param size1 the earlier MMR size
     * @param size2 the later MMR size
     * @param paths the paths, hex
     * @param rightPeaks the right peaks, hex
     * @param peaks1 the earlier accumulator
     * @param peaks2 the later accumulator
     */
    public record ConsistencyDocument(
            String vds,
            String type,
            long size1,
            long size2,
            List<List<String>> paths,
            List<String> rightPeaks,
            List<String> peaks1,
            List<String> peaks2) {}

    /**
     * Every audit route.
     *
     * @return the routes
     */
    public List<Route> routes() {
        Auth read = Auth.operator(OperatorScope.AUDIT_READ);
        return List.of(
                Route.get("/v1/audit/log-key")
                        .operationId("getLogKey")
                        .summary("The audit log's verification key as a COSE_Key")
                        .auth(Auth.publicAccess())
                        .response(Payload.bytes("application/cose-key"))
                        .handle(call -> call.respondBytes(
                                Cbor.encode(log.logKeys().get(0).toCoseKey()))),
                Route.get("/v1/audit/checkpoint")
                        .operationId("getLatestCheckpoint")
                        .summary("The latest signed checkpoint (COSE_Sign1)")
                        .auth(read)
                        .response(Payload.bytes("application/cose"))
                        .errors(ErrorCode.STORE_NOT_FOUND)
                        .handle(call -> call.respondBytes(latest().signed().toByteArray())),
                Route.post("/v1/audit/checkpoint")
                        .operationId("publishCheckpoint")
                        .summary("Sign a checkpoint of the log as it is now and return it")
                        .auth(read)
                        .response(Payload.bytes("application/cose"))
                        .status(201)
                        .handle(call -> call.respondBytes(
                                log.publishCheckpoint(0).signed().toByteArray())),
                Route.get("/v1/audit/receipts/{seq}")
                        .operationId("getReceipt")
                        .summary("The full receipt of one statement under the latest checkpoint covering it")
                        .auth(read)
                        .response(Payload.bytes("application/cbor"))
                        .errors(
                                ErrorCode.MARKER_NOT_FOUND,
                                ErrorCode.STORE_RECEIPT_PENDING,
                                ErrorCode.HTTP_REQUEST_INVALID)
                        .handle(call -> call.respondBytes(
                                log.receipt(number(call, "seq")).encode())),
                Route.get("/v1/audit/receipts/{seq}/cose")
                        .operationId("getCoseReceipt")
                        .summary("The COSE Receipt of inclusion of one statement's marker (RFC 9942, MMR profile)")
                        .auth(read)
                        .response(Payload.bytes("application/cose"))
                        .errors(
                                ErrorCode.MARKER_NOT_FOUND,
                                ErrorCode.STORE_RECEIPT_PENDING,
                                ErrorCode.HTTP_REQUEST_INVALID)
                        .handle(call -> call.respondBytes(
                                log.inclusionReceipt(number(call, "seq")).toByteArray())),
                Route.get("/v1/audit/proofs/inclusion/{seq}")
                        .operationId("getInclusionProof")
                        .summary("An inclusion proof document for one marker under the latest checkpoint, or ?size=")
                        .auth(read)
                        .response(Payload.json(InclusionDocument.class))
                        .errors(
                                ErrorCode.MARKER_NOT_FOUND,
                                ErrorCode.MMR_SIZE_INVALID,
                                ErrorCode.STORE_NOT_FOUND,
                                ErrorCode.HTTP_REQUEST_INVALID)
                        .handle(this::inclusion),
                Route.get("/v1/audit/proofs/consistency")
                        .operationId("getConsistencyProof")
                        .summary("A consistency proof document between MMR sizes ?size1= and ?size2=")
                        .auth(read)
                        .response(Payload.json(ConsistencyDocument.class))
                        .errors(
                                ErrorCode.MMR_SIZE_INVALID,
                                ErrorCode.MMR_PROOF_MALFORMED,
                                ErrorCode.HTTP_REQUEST_INVALID)
                        .handle(this::consistency),
                Route.get("/v1/audit/bundle")
                        .operationId("exportAuditBundle")
                        .summary("The audit bundle of markers ?first= to first+count-1 (?count=), streamed")
                        .auth(read)
                        .response(Payload.bytes(BUNDLE_MEDIA_TYPE))
                        .errors(
                                ErrorCode.STORE_NOT_FOUND,
                                ErrorCode.STORE_RECEIPT_PENDING,
                                ErrorCode.HTTP_REQUEST_INVALID)
                        .handle(this::bundle));
    }

    private SignedCheckpoint latest() {
        return log.latestCheckpoint()
                .orElseThrow(() -> new VerificationException(ErrorCode.STORE_NOT_FOUND, "no checkpoint yet"));
    }

    private void inclusion(Call call) {
        long seq = number(call, "seq");
        String sizeParam = call.context().queryParam("size");
        long size = sizeParam == null ? latest().checkpoint().size() : parse("size", sizeParam);
        InclusionProof proof = log.inclusionProof(seq, size);
        Accumulator accumulator = log.proofs().accumulator(size);
        call.respond(new InclusionDocument(
                "mmr",
                "inclusion",
                log.marker(seq).hash().toHex(),
                proof.index(),
                size,
                hex(proof.path()),
                hex(accumulator.peaks())));
    }

    private void consistency(Call call) {
        long size1 = query(call, "size1");
        long size2 = query(call, "size2");
        ConsistencyProof proof = log.consistencyProof(size1, size2);
        call.respond(new ConsistencyDocument(
                "mmr",
                "consistency",
                size1,
                size2,
                proof.paths().stream().map(AuditRoutes::hex).toList(),
                hex(proof.rightPeaks()),
                hex(log.proofs().accumulator(size1).peaks()),
                hex(log.proofs().accumulator(size2).peaks())));
    }

    private void bundle(Call call) throws IOException {
        long first = query(call, "first");
        long count = query(call, "count");
        if (count < 1 || count > MAX_BUNDLE_COUNT) {
            throw new MalformedInputException(
                    ErrorCode.HTTP_REQUEST_INVALID,
                    "count must be between 1 and " + MAX_BUNDLE_COUNT + ", got " + count);
        }
        latest();
        export.checkRange(first, count);
        Context ctx = call.context();
        ctx.status(200);
        ctx.contentType(BUNDLE_MEDIA_TYPE);
        OutputStream out = ctx.outputStream();
        export.export(out, first, count);
        out.flush();
    }

    private static long number(Call call, String name) {
        return parse(name, call.pathParam(name));
    }

    private static long query(Call call, String name) {
        String value = call.context().queryParam(name);
        if (value == null) {
            throw new MalformedInputException(
                    ErrorCode.HTTP_REQUEST_INVALID, "query parameter " + name + " is required");
        }
        return parse(name, value);
    }

    /** A decimal, non-negative 63-bit integer with no sign, no leading zeros, no spaces. */
    static long parse(String name, String value) {
        if (value == null || !value.matches("0|[1-9][0-9]{0,18}")) {
            throw new MalformedInputException(
                    ErrorCode.HTTP_REQUEST_INVALID, name + " must be a decimal integer without sign or leading zeros");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new MalformedInputException(ErrorCode.HTTP_REQUEST_INVALID, name + " is out of range");
        }
    }

    private static List<String> hex(List<Digest> digests) {
        return digests.stream().map(Digest::toHex).toList();
    }
}
