package dev.cairn.verifier.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.bundle.TrustBundleJwks;
import dev.cairn.trust.bundle.TrustBundleState;
import java.nio.charset.StandardCharsets;

/**
 * {@code trust} vectors of type {@code bundle} ({@code spec/trust-bundle.md}). Operation {@code
 * parse}: {@link TrustBundleJwks#parse} of {@code jwks}. Operation {@code update}: a {@link
 * TrustBundleState} holding {@code held} (which must parse) takes {@code signed_bundle}. An accepted
 * one leaves a bundle that renders to {@code jwks} and reads as its {@link BundleDescription}.
 */
final class TrustBundleCheck implements VectorCheck {
    @Override
    public void accept(JsonNode v) {
        TrustBundle bundle = run(v);
        Fields.same("jwks", Fields.text(v, "jwks"), jwks(bundle));
        ObjectNode got = JsonNodeFactory.instance.objectNode();
        BundleDescription.describe(got, bundle);
        for (String field : BundleDescription.FIELDS) {
            Fields.same(field, Fields.field(v, field).toString(), got.get(field).toString());
        }
    }

    @Override
    public void reject(JsonNode v) {
        run(v);
    }

    private static TrustBundle run(JsonNode v) {
        String operation = Fields.text(v, "operation");
        if (operation.equals("parse")) {
            return TrustBundleJwks.parse(ascii(Fields.text(v, "jwks")));
        }
        if (!operation.equals("update")) {
            throw new MalformedVector("unknown bundle operation " + operation);
        }
        byte[] held = ascii(Fields.text(v, "held"));
        TrustBundleState state = Fields.setUp("held bundle", () -> new TrustBundleState(TrustBundleJwks.parse(held)));
        TrustBundle after = state.update(Fields.hex(v, "signed_bundle"));
        Fields.same("current() after the update", jwks(after), jwks(state.current()));
        return after;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String jwks(TrustBundle bundle) {
        return new String(TrustBundleJwks.render(bundle), StandardCharsets.US_ASCII);
    }
}
