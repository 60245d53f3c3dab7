package dev.cairn.server.http;

import io.javalin.http.HandlerType;

/** The HTTP methods a route may be declared for. */
public enum HttpMethod {
    /** Read; never changes state. */
    GET(HandlerType.GET),
    /** Create or act. */
    POST(HandlerType.POST),
    /** Replace. */
    PUT(HandlerType.PUT),
    /** Change part of a resource. */
    PATCH(HandlerType.PATCH),
    /** Remove. */
    DELETE(HandlerType.DELETE);

    private final HandlerType handlerType;

    HttpMethod(HandlerType handlerType) {
        this.handlerType = handlerType;
    }

    /** Javalin's type for this method. */
    HandlerType handlerType() {
        return handlerType;
    }
}
