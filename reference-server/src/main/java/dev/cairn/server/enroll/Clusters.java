package dev.cairn.server.enroll;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.server.store.audit.Recorded;
import dev.cairn.trust.identity.CairnId;
import java.util.List;

/** Clusters ({@code spec/enrollment.md} section 1): created by operators, audited as {@code cluster.create}. */
final class Clusters {
    private final Context ctx;

    Clusters(Context ctx) {
        this.ctx = ctx;
    }

    ClusterView create(CairnId operator, NewCluster request) {
        String name = request.name();
        if (name.equals(Ids.RESERVED_CLUSTER)) {
            throw new VerificationException(ErrorCode.CLUSTER_NAME_RESERVED, "cluster " + name + " is the server's");
        }
        return ctx.log()
                .execute(m -> {
                    if (ClusterTable.exists(m.connection(), name)) {
                        throw new VerificationException(ErrorCode.CLUSTER_EXISTS, "cluster " + name + " exists");
                    }
                    long now = ctx.now();
                    ClusterTable.insert(m.connection(), name, now, operator.uri(), m.sequence());
                    return Recorded.of(
                            new ClusterView(name, Times.iso(now), operator.uri(), m.sequence()),
                            ctx.action(
                                    "cluster.create",
                                    operator.uri(),
                                    name,
                                    RequestHash.of("cluster.create").text("name", name)));
                })
                .result();
    }

    List<ClusterView> all() {
        return ctx.db().read(ClusterTable::all);
    }

    static VerificationException notFound(String name) {
        return new VerificationException(ErrorCode.CLUSTER_NOT_FOUND, "no cluster " + shorten(name));
    }

    static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
