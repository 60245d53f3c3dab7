package dev.cairn.verifier.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.trust.csr.CsrVerifier;
import dev.cairn.trust.csr.VerifiedCsr;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code trust} vectors of type {@code csr} ({@code spec/ca.md}, "CSRs"): a PKCS#10 {@code csr}
 * checked by {@link CsrVerifier}; an accepted one yields {@code key_type}, {@code public_key} and
 * the {@code requested} URIs.
 */
final class CsrCheck implements VectorCheck {
    @Override
    public void accept(JsonNode v) {
        VerifiedCsr csr = CsrVerifier.verify(Fields.hex(v, "csr"));
        Fields.same(
                "public_key", Fields.text(v, "public_key"), csr.key().encoded().toHex());
        Fields.same("key_type", Fields.text(v, "key_type"), csr.key().type().name());
        List<String> requested = new ArrayList<>();
        Fields.array(v, "requested").forEach(uri -> requested.add(uri.asText()));
        Fields.same("requested", requested, csr.requestedUris());
    }

    @Override
    public void reject(JsonNode v) {
        CsrVerifier.verify(Fields.hex(v, "csr"));
    }
}
