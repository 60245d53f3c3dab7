package dev.cairn.server.revocation;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.server.http.Auth;
import dev.cairn.server.http.Call;
import dev.cairn.server.http.Payload;
import dev.cairn.server.http.Route;
import dev.cairn.trust.revocation.RevocationEntries;
import java.util.List;
import java.util.Objects;

/**
 * The public revocation routes ({@code spec/enrollment.md} section 6): anyone may fetch the signed
 * head, the chain's entries and the CRL, since relying parties check them themselves.
 *
 * <ul>
 *   <li>{@code GET /v1/trust/revocation/head}: the newest head, {@code application/cose} (a tagged
 *       COSE_Sign1, {@code revocation.md} section 3);
 *   <li>{@code GET /v1/trust/revocation/entries?from=I&to=J}: entries {@code I} (default 0) up to
 *       {@code J} exclusive (default the chain's size, at most 4096 after {@code I}), {@code
 *       application/cbor}, the entry message of {@code revocation.md} section 1;
 *   <li>{@code GET /v1/trust/crl}: the CRL of the newest head, {@code application/pkix-crl} (DER).
 * </ul>
 */
public final class RevocationRoutes {
    /** The media type of signed heads (RFC 9052). */
    public static final String COSE = "application/cose";

    /** The media type of entry messages. */
    public static final String CBOR = "application/cbor";

    /** The media type of CRLs (RFC 5280 section 4.2.1.13 / RFC 2585). */
    public static final String CRL = "application/pkix-crl";

    private RevocationRoutes() {}

    /**
     * The routes.
     *
     * @param revocation the server's revocation
     * @return the head, entries and CRL routes
     */
    public static List<Route> of(ServerRevocation revocation) {
        Objects.requireNonNull(revocation, "revocation");
        return List.of(
                Route.get("/v1/trust/revocation/head")
                        .summary("The newest signed revocation head (COSE_Sign1)")
                        .auth(Auth.publicAccess())
                        .response(Payload.bytes(COSE))
                        .errors(ErrorCode.REVOCATION_HEAD_STALE)
                        .handle(call ->
                                call.respondBytes(revocation.signedHead().toByteArray())),
                Route.get("/v1/trust/revocation/entries")
                        .summary("A range of revocation chain entries (CBOR array, at most 4096)")
                        .auth(Auth.publicAccess())
                        .response(Payload.bytes(CBOR))
                        .errors(ErrorCode.HTTP_REQUEST_INVALID)
                        .handle(call -> entries(call, revocation)),
                Route.get("/v1/trust/crl")
                        .summary("The X.509 CRL of the newest revocation head (DER)")
                        .auth(Auth.publicAccess())
                        .response(Payload.bytes(CRL))
                        .errors(ErrorCode.REVOCATION_HEAD_STALE)
                        .handle(call ->
                                call.respondBytes(revocation.require().crl().toByteArray())));
    }

    private static void entries(Call call, ServerRevocation revocation) {
        long size = revocation.size();
        long from = index(call, "from", 0);
        long to = index(call, "to", Math.min(size, from + RevocationEntries.MAX_ENTRIES));
        if (from > to || to > size || to - from > RevocationEntries.MAX_ENTRIES) {
            throw new MalformedInputException(
                    ErrorCode.HTTP_REQUEST_INVALID,
                    "range " + from + ".." + to + ", want from <= to <= " + size + " and at most "
                            + RevocationEntries.MAX_ENTRIES + " entries");
        }
        call.respondBytes(RevocationEntries.encode(revocation.entries(from, to)));
    }

    private static long index(Call call, String name, long fallback) {
        List<String> values = call.context().queryParams(name);
        if (values.isEmpty()) {
            return fallback;
        }
        String value = values.get(0);
        if (values.size() > 1 || !value.matches("0|[1-9][0-9]{0,17}")) {
            throw new MalformedInputException(
                    ErrorCode.HTTP_REQUEST_INVALID, "query parameter " + name + ": want one decimal index");
        }
        return Long.parseLong(value);
    }
}
