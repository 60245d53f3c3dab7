package dev.cairn.server.enroll;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;

/**
 * The body of {@code POST /v1/clusters}.
 *
 * @param name 1 to 63 characters of the identity grammar's segment, not {@code cairn-control}
 */
public record NewCluster(String name) {
    /**
     * Checks the name's grammar (the reserved name is refused by the service).
     *
     * @param name the name
     * @throws MalformedInputException {@link ErrorCode#CLUSTER_NAME_INVALID}
     */
    public NewCluster {
        if (name == null || !Ids.SEGMENT.matcher(name).matches()) {
            throw new MalformedInputException(
                    ErrorCode.CLUSTER_NAME_INVALID, "name: want 1 to 63 characters [a-z0-9._-], starting [a-z0-9]");
        }
    }
}
