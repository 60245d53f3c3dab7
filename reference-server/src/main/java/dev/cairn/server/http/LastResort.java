package dev.cairn.server.http;

import dev.cairn.errors.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer to a {@link java.lang.Error} thrown while serving (an assertion, a stack overflow):
 * still the JSON body of {@code INTERNAL_BUG}, with no stack trace in it.
 */
final class LastResort {
    private static final Logger LOG = LoggerFactory.getLogger(LastResort.class);

    private LastResort() {}

    static void write(HttpServletResponse res, Error error) {
        Trace trace = Trace.begin(List.of());
        LOG.error("error while serving, trace {}", trace.traceId(), error);
        if (res.isCommitted()) {
            return;
        }
        try {
            res.resetBuffer();
            res.setStatus(ErrorStatus.of(ErrorCode.INTERNAL_BUG));
            res.setContentType(Json.MEDIA_TYPE);
            res.setHeader(Trace.HEADER, trace.traceparent());
            res.getOutputStream()
                    .write(Json.writer()
                            .writeValueAsBytes(ErrorBody.of(ErrorCode.INTERNAL_BUG, "", Map.of(), trace.traceId())));
        } catch (IOException | IllegalStateException e) {
            LOG.warn("the error response could not be written", e);
        }
    }
}
