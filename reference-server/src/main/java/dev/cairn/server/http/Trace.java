package dev.cairn.server.http;

import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The W3C Trace Context of one request ({@code spec/http-api.md}, "Tracing"; W3C Trace Context
 * Level 1). The caller's {@code traceparent} is honoured when it parses strictly: its trace id is
 * kept and its parent id recorded. Otherwise, and when it is absent, repeated or malformed, a new
 * trace id is generated. Either way the server's own span gets a new id, and the response carries
 * {@code traceparent} naming that span. Trace ids are random but not secret.
 *
 * @param traceId 32 lower-case hex digits, not all zero
 * @param spanId this request's span, 16 lower-case hex digits, not all zero
 * @param parentId the caller's span, when it sent a valid {@code traceparent}
 * @param sampled the caller's sampled flag, passed on unchanged; {@code false} for a new trace
 */
public record Trace(String traceId, String spanId, Optional<String> parentId, boolean sampled) {
    /** The request and response header. */
    public static final String HEADER = "traceparent";

    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern HEX2 = Pattern.compile("[0-9a-f]{2}");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);
    private static final int VERSION_00_LENGTH = 55;

    /**
     * Checks the ids.
     *
     * @param traceId the trace id
     * @param spanId this span's id
     * @param parentId the caller's span id
     * @param sampled the sampled flag
     */
    public Trace {
        if (!validTraceId(traceId) || !validSpanId(spanId)) {
            throw new IllegalArgumentException("bad trace or span id");
        }
        parentId.filter(id -> !validSpanId(id)).ifPresent(id -> {
            throw new IllegalArgumentException("bad parent id " + id);
        });
    }

    /**
     * Starts the server's span for a request, honouring the caller's context when it is valid.
     *
     * @param traceparentHeaders every {@code traceparent} header of the request, in order
     * @return the request's trace
     */
    public static Trace begin(List<String> traceparentHeaders) {
        Objects.requireNonNull(traceparentHeaders, "traceparentHeaders");
        Optional<Trace> caller = traceparentHeaders.size() == 1 ? parse(traceparentHeaders.get(0)) : Optional.empty();
        String spanId = newId(8, ZERO_SPAN);
        return caller.map(c -> new Trace(c.traceId(), spanId, Optional.of(c.spanId()), c.sampled()))
                .orElseGet(() -> new Trace(newId(16, ZERO_TRACE), spanId, Optional.empty(), false));
    }

    /**
     * Parses a {@code traceparent} value strictly. Version {@code 00} must be exactly 55
     * characters; a later version must start with the version-00 fields and may carry more after a
     * dash; version {@code ff}, upper-case hex, and all-zero trace or parent ids are invalid.
     *
     * @param value the header value
     * @return the caller's context (its parent id in {@link #spanId()}), or empty when invalid
     */
    public static Optional<Trace> parse(String value) {
        if (value == null || value.length() < VERSION_00_LENGTH) {
            return Optional.empty();
        }
        String version = value.substring(0, 2);
        if (!HEX2.matcher(version).matches() || version.equals("ff")) {
            return Optional.empty();
        }
        if (version.equals("00")
                ? value.length() != VERSION_00_LENGTH
                : value.length() > VERSION_00_LENGTH && value.charAt(VERSION_00_LENGTH) != '-') {
            return Optional.empty();
        }
        if (value.charAt(2) != '-' || value.charAt(35) != '-' || value.charAt(52) != '-') {
            return Optional.empty();
        }
        String traceId = value.substring(3, 35);
        String parentId = value.substring(36, 52);
        String flags = value.substring(53, 55);
        if (!validTraceId(traceId)
                || !validSpanId(parentId)
                || !HEX2.matcher(flags).matches()) {
            return Optional.empty();
        }
        boolean sampled = (Integer.parseInt(flags, 16) & 1) == 1;
        return Optional.of(new Trace(traceId, parentId, Optional.empty(), sampled));
    }

    /**
     * The {@code traceparent} the response carries: version 00, this trace, this server's span.
     *
     * @return the header value
     */
    public String traceparent() {
        return "00-" + traceId + "-" + spanId + "-" + (sampled ? "01" : "00");
    }

    private static boolean validTraceId(String id) {
        return id != null && TRACE_ID.matcher(id).matches() && !id.equals(ZERO_TRACE);
    }

    private static boolean validSpanId(String id) {
        return id != null && SPAN_ID.matcher(id).matches() && !id.equals(ZERO_SPAN);
    }

    private static String newId(int bytes, String zero) {
        byte[] id = new byte[bytes];
        String hex;
        do {
            ThreadLocalRandom.current().nextBytes(id);
            hex = HexFormat.of().formatHex(id);
        } while (hex.equals(zero));
        return hex;
    }
}
