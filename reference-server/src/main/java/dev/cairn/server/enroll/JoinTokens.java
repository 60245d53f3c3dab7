package dev.cairn.server.enroll;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.server.store.audit.Recorded;
import dev.cairn.trust.identity.CairnId;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Join tokens ({@code spec/enrollment.md} section 2): created for a cluster and withdrawn by
 * operators; checked and consumed inside the mutation that records a join request.
 */
final class JoinTokens {
    /** Compared against when no token has the presented id, so that both cases take the same path. */
    private static final byte[] NO_TOKEN = new byte[32];

    private final Context ctx;

    JoinTokens(Context ctx) {
        this.ctx = ctx;
    }

    IssuedJoinToken create(CairnId operator, String cluster, NewJoinToken request) {
        if (!Ids.SEGMENT.matcher(cluster).matches()) {
            throw Clusters.notFound(cluster);
        }
        byte[] id = new byte[JoinTokenWire.ID_BYTES];
        byte[] secret = new byte[JoinTokenWire.SECRET_BYTES];
        ctx.random().nextBytes(id);
        ctx.random().nextBytes(secret);
        String tokenId = HexFormat.of().formatHex(id);
        String token = JoinTokenWire.format(id, secret);
        byte[] hmac = JoinTokenWire.keyedHash(
                ctx.joinTokenKey(), dev.cairn.bytes.SecretBytes.copyOf(secret, ctx.access()), ctx.access());
        Arrays.fill(secret, (byte) 0);
        Duration ttl = request.ttl().orElse(ctx.settings().defaultTokenTtl());
        int uses = request.uses();
        return ctx.log()
                .execute(m -> {
                    if (!ClusterTable.exists(m.connection(), cluster)) {
                        throw Clusters.notFound(cluster);
                    }
                    long now = ctx.now();
                    long expires = now + ttl.toMillis();
                    TokenTable.insert(
                            m.connection(), tokenId, cluster, hmac, now, expires, uses, operator.uri(), m.sequence());
                    return Recorded.of(
                            new IssuedJoinToken(token, tokenId, cluster, Times.iso(expires), uses, m.sequence()),
                            ctx.action(
                                    "join-token.create",
                                    operator.uri(),
                                    tokenId,
                                    RequestHash.of("join-token.create")
                                            .text("cluster", cluster)
                                            .text("token_id", tokenId)
                                            .integer("expires_ms", expires)
                                            .integer("max_uses", uses)));
                })
                .result();
    }

    JoinTokenView revoke(CairnId operator, String tokenId) {
        return ctx.log()
                .execute(m -> {
                    TokenTable.Row row =
                            TokenTable.find(m.connection(), tokenId).orElseThrow(JoinTokenWire::invalid);
                    if (!TokenTable.revoke(m.connection(), tokenId)) {
                        throw new VerificationException(ErrorCode.JOIN_TOKEN_REVOKED, "already withdrawn");
                    }
                    return Recorded.of(
                            new TokenTable.Row(
                                            row.tokenId(),
                                            row.cluster(),
                                            row.secretHmac(),
                                            row.expiresMs(),
                                            row.maxUses(),
                                            row.used(),
                                            true)
                                    .view(),
                            ctx.action(
                                    "join-token.revoke",
                                    operator.uri(),
                                    tokenId,
                                    RequestHash.of("join-token.revoke").text("token_id", tokenId)));
                })
                .result();
    }

    /**
     * Checks a presented token and takes one use, inside the join request's transaction.
     *
     * @return the cluster the token enrolls into
     * @throws VerificationException {@code JOIN_TOKEN_INVALID}, {@code _REVOKED}, {@code _EXPIRED},
     *     {@code _EXHAUSTED}
     */
    static String consume(Connection c, JoinTokenWire.Parsed parsed, byte[] presentedHmac, long nowMs)
            throws SQLException {
        var row = TokenTable.find(c, parsed.tokenId());
        byte[] stored = row.map(TokenTable.Row::secretHmac).orElse(NO_TOKEN);
        boolean same = JoinTokenWire.same(stored, presentedHmac);
        if (row.isEmpty() || !same) {
            throw JoinTokenWire.invalid();
        }
        TokenTable.Row token = row.get();
        if (token.revoked()) {
            throw new VerificationException(ErrorCode.JOIN_TOKEN_REVOKED, "the join token was withdrawn");
        }
        if (nowMs >= token.expiresMs()) {
            throw VerificationException.mismatch(
                    ErrorCode.JOIN_TOKEN_EXPIRED, "before " + Times.iso(token.expiresMs()), Times.iso(nowMs));
        }
        if (token.used() >= token.maxUses() || !TokenTable.consume(c, parsed.tokenId(), nowMs)) {
            throw VerificationException.mismatch(
                    ErrorCode.JOIN_TOKEN_EXHAUSTED, "fewer than " + token.maxUses() + " uses", token.used() + " uses");
        }
        return token.cluster();
    }
}
