package dev.cairn.trust.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

class CairnIdTest {
    private static final TrustDomain TD = new TrustDomain("demo.example");

    @Test
    void theThreeFormsRoundTrip() {
        for (CairnId id : new CairnId[] {
            CairnId.node(TD, "c1", "n-1"), CairnId.service(TD, "c1", "api.v2"), CairnId.operator(TD, "alice")
        }) {
            assertEquals(id, CairnId.parse(id.uri()));
        }
        assertEquals(
                "cairn://demo.example/cluster/c1/node/n-1",
                CairnId.node(TD, "c1", "n-1").uri());
    }

    @Test
    void theServerIdentityIsTheControlClustersServerService() {
        CairnId server = CairnId.server(TD);
        assertEquals("cairn://demo.example/cluster/cairn-control/service/server", server.uri());
        assertTrue(server.isServer());
        assertTrue(CairnId.parse("cairn://other.example/cluster/cairn-control/service/server")
                .isServer());
        assertFalse(CairnId.service(TD, "cairn-control", "api").isServer());
        assertFalse(CairnId.service(TD, "c1", "server").isServer());
        assertFalse(CairnId.node(TD, "cairn-control", "server").isServer());
    }

    @Test
    void aLogSignerIsNamedAfterItsLog() {
        CairnId log = CairnId.log(TD, "audit");
        assertEquals("cairn://demo.example/log/audit", log.uri());
        assertEquals(log, CairnId.parse(log.uri()));
        assertEquals(log, CairnId.forLog(new dev.cairn.checkpoint.LogId("demo.example/audit")));
        for (String id : new String[] {"demo.example", "demo.example/a/b", "demo.example/Audit", "-x/audit"}) {
            assertEquals(
                    ErrorCode.IDENTITY_MALFORMED,
                    assertThrows(
                                    MalformedInputException.class,
                                    () -> CairnId.forLog(new dev.cairn.checkpoint.LogId(id)))
                            .code(),
                    id);
        }
        assertThrows(
                MalformedInputException.class,
                () -> new CairnId(TD, CairnId.Kind.LOG, "c1", "audit"),
                "a log has no cluster");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "cairn://",
                "CAIRN://demo.example/operator/alice",
                "spiffe://demo.example/operator/alice",
                "cairn://Demo.example/operator/alice",
                "cairn://demo.example/operator/Alice",
                "cairn://demo.example/operator/alice/",
                "cairn://demo.example//operator/alice",
                "cairn://demo.example/operator/al%69ce",
                "cairn://demo.example:443/operator/alice",
                "cairn://user@demo.example/operator/alice",
                "cairn://demo.example/operator/alice?x=1",
                "cairn://demo.example/operator/alice#f",
                "cairn://demo.example/cluster/c1/node",
                "cairn://demo.example/cluster/c1/pod/p1",
                "cairn://demo.example/cluster/-c1/node/n1",
                "cairn://-demo.example/operator/alice",
                "cairn://demo..example/operator/alice",
                "cairn://demo.example/operator/ali ce",
                "cairn://demo.example/log",
                "cairn://demo.example/log/audit/x",
                "cairn://demo.example/cluster/c1/log/audit"
            })
    void nonCanonicalOrForeignSpellingsAreRejected(String uri) {
        assertEquals(
                ErrorCode.IDENTITY_MALFORMED,
                assertThrows(MalformedInputException.class, () -> CairnId.parse(uri))
                        .code());
    }

    @Test
    void overlongSegmentsAndUrisAreRejected() {
        String long64 = "a".repeat(64);
        assertThrows(MalformedInputException.class, () -> CairnId.operator(TD, long64));
        assertThrows(MalformedInputException.class, () -> new TrustDomain("a".repeat(64) + ".example"));
        assertThrows(MalformedInputException.class, () -> CairnId.parse("cairn://" + "a".repeat(600)));
    }

    @Test
    void arbitraryTextParsesOrFailsWithTheIdentityCodeOnly() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 80)).checkAssert(text -> {
            try {
                CairnId id = CairnId.parse(text);
                assertEquals(text, id.uri());
            } catch (MalformedInputException e) {
                assertEquals(ErrorCode.IDENTITY_MALFORMED, e.code());
            }
        });
        qt().forAll(names(), names(), names()).checkAssert((cluster, node, operator) -> {
            CairnId n = CairnId.node(TD, cluster, node);
            assertEquals(n, CairnId.parse(n.uri()));
            CairnId o = CairnId.operator(TD, operator);
            assertEquals(o, CairnId.parse(o.uri()));
        });
    }

    private static Gen<String> names() {
        return strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 63);
    }
}
