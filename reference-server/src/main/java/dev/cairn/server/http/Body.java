package dev.cairn.server.http;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/**
 * Reads request bodies within the size limit and checks their media type. The body is read once
 * and kept on the request, so a second read returns the same bytes.
 */
final class Body {
    private static final String ATTRIBUTE = "dev.cairn.server.http.body";

    /**
     * How much of a refused body is read and discarded before the refusal is sent. A client still
     * sending its body when the server answers and closes gets a reset instead of the answer; up to
     * this much, the server reads to the end of the body and the connection stays usable. Beyond it,
     * the refusal says {@code Connection: close}.
     */
    static final long DRAIN_LIMIT = 1 << 20;

    private Body() {}

    /**
     * Refuses a request whose declared {@code Content-Length} exceeds the limit, before anything
     * reads it.
     */
    static void checkDeclaredLength(Context ctx, int limit) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw refuse(ctx, limit, Long.toString(declared));
        }
    }

    /**
     * The body's bytes, at most {@code limit} of them, whether or not a {@code Content-Length} was
     * sent.
     */
    static byte[] read(Context ctx, int limit) {
        Object cached = ctx.attribute(ATTRIBUTE);
        if (cached instanceof byte[] bytes) {
            return bytes.clone();
        }
        checkDeclaredLength(ctx, limit);
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            bytes = in.readNBytes(limit + 1);
        } catch (IOException e) {
            throw new MalformedInputException(
                    ErrorCode.HTTP_REQUEST_INVALID,
                    "the request body could not be read: " + e.getClass().getSimpleName());
        }
        if (bytes.length > limit) {
            throw refuse(ctx, limit, "more than " + limit);
        }
        ctx.attribute(ATTRIBUTE, bytes);
        return bytes.clone();
    }

    /**
     * Requires the request's {@code Content-Type} to have the essence ({@code type/subtype}) of
     * {@code expected}. For JSON the only parameter allowed is {@code charset=utf-8}; for other
     * media types parameters are not compared.
     */
    static void requireMediaType(Context ctx, String expected) {
        String header = ctx.req().getContentType();
        MediaType want = MediaType.parse(expected).orElseThrow();
        MediaType got = MediaType.parse(header)
                .orElseThrow(() -> MalformedInputExceptions.mismatch(
                        ErrorCode.HTTP_UNSUPPORTED_MEDIA_TYPE, want.essence(), header == null ? "none" : header));
        boolean ok = got.essence().equals(want.essence());
        if (ok && want.essence().equals("application/json")) {
            for (Map.Entry<String, String> parameter : got.parameters().entrySet()) {
                ok &= parameter.getKey().equals("charset")
                        && parameter.getValue().toLowerCase(Locale.ROOT).equals("utf-8");
            }
        }
        if (!ok) {
            throw MalformedInputExceptions.mismatch(ErrorCode.HTTP_UNSUPPORTED_MEDIA_TYPE, expected, header);
        }
    }

    /** The refusal of a body over the limit, after reading the rest of it when that is bounded. */
    private static MalformedInputException refuse(Context ctx, int limit, String found) {
        if (!drained(ctx)) {
            ctx.header("Connection", "close");
        }
        return tooLarge(limit, found);
    }

    /** Reads and discards what is left of the body, up to {@link #DRAIN_LIMIT}; true when it ended. */
    private static boolean drained(Context ctx) {
        if (ctx.req().getContentLengthLong() > DRAIN_LIMIT) {
            return false;
        }
        byte[] buffer = new byte[8192];
        long total = 0;
        try {
            InputStream in = ctx.req().getInputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > DRAIN_LIMIT) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static MalformedInputException tooLarge(int limit, String found) {
        return MalformedInputExceptions.mismatch(ErrorCode.HTTP_BODY_TOO_LARGE, "at most " + limit + " bytes", found);
    }
}
