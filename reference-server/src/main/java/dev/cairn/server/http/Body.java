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

    private Body() {}

    /**
     * Refuses a request whose declared {@code Content-Length} exceeds the limit, before anything
     * reads it.
     */
    static void checkDeclaredLength(Context ctx, int limit) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(limit, Long.toString(declared));
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
            throw tooLarge(limit, "more than " + limit);
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

    private static MalformedInputException tooLarge(int limit, String found) {
        return MalformedInputExceptions.mismatch(ErrorCode.HTTP_BODY_TOO_LARGE, "at most " + limit + " bytes", found);
    }
}
