package dev.cairn.verifier.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.trust.identity.TrustDomain;
import dev.cairn.trust.revocation.RevocationEntries;
import dev.cairn.trust.revocation.RevocationEntry;
import dev.cairn.trust.revocation.RevocationHead;
import dev.cairn.trust.revocation.RevocationState;
import dev.cairn.trust.revocation.VerifiedRevocationHead;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code trust} vectors of type {@code revocation-head} ({@code spec/revocation.md}, sections 3 and
 * 4): a {@link RevocationState} for {@code trust_domain} and {@code trusted_keys} at {@code now}
 * takes each {@code held} step, which must succeed, then the step under test. A step is a signed
 * {@code head}, its {@code entries} and {@code from_start} ({@code updateFromStart}, else {@code
 * update}). An accepted one leaves the vector's head held and exactly its {@code revoked} serials.
 */
final class RevocationHeadCheck implements VectorCheck {
    @Override
    public void accept(JsonNode v) {
        RevocationState state = run(v);
        VerifiedRevocationHead verified =
                state.head().orElseThrow(() -> VectorFailure.differs("head", "a head held", "none"));
        RevocationHead head = verified.head();
        Fields.same("sequence", Fields.integer(v, "sequence"), head.sequence());
        Fields.same("size", Fields.integer(v, "size"), head.size());
        Fields.same(
                "chain_value", Fields.text(v, "chain_value"), head.chainValue().toHex());
        Fields.same("issued_at", Fields.time(v, "issued_at"), head.issuedAt());
        Fields.same("next_update", Fields.time(v, "next_update"), head.nextUpdate());
        Fields.same(
                "signer_kid",
                Fields.text(v, "signer_kid"),
                verified.signer().kid().toHex());
        Fields.same("position", head.position(), state.position());
        Set<String> want = new TreeSet<>();
        Fields.array(v, "revoked").forEach(s -> want.add(s.asText()));
        Set<String> got = new TreeSet<>();
        state.revokedSerials().forEach(s -> got.add(s.toString(16)));
        Fields.same("revoked", want, got);
        for (String serial : want) {
            Fields.same("isRevoked(" + serial + ")", true, state.isRevoked(new BigInteger(serial, 16)));
        }
    }

    @Override
    public void reject(JsonNode v) {
        run(v);
    }

    /** Applies the held steps (each must succeed), then the one under test. */
    private static RevocationState run(JsonNode v) {
        TrustDomain domain = Fields.setUp("trust_domain", () -> new TrustDomain(Fields.text(v, "trust_domain")));
        RevocationState state = RevocationState.builder(domain, Fields.keys(v, "trusted_keys"))
                .clock(Fields.clock(Fields.time(v, "now")))
                .build();
        for (JsonNode step : Fields.optionalArray(v, "held")) {
            Fields.setUp("held update", () -> apply(state, step));
        }
        return apply(state, v);
    }

    private static RevocationState apply(RevocationState state, JsonNode step) {
        List<RevocationEntry> entries = RevocationEntries.decode(Fields.hex(step, "entries"));
        byte[] head = Fields.hex(step, "head");
        if (Fields.flag(step, "from_start")) {
            state.updateFromStart(head, entries);
        } else {
            state.update(head, entries);
        }
        return state;
    }
}
