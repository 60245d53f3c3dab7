package dev.cairn.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.trust.bundle.TrustBundleJwks;
import dev.cairn.trust.ca.IssuedCertificate;
import dev.cairn.trust.internal.Certificates;
import dev.cairn.verifier.vectors.VectorTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code peer} vectors' chains under the system's {@code openssl verify}, an independent X.509
 * stack, with the vector's trust bundle as the CA file, its check time ({@code -attime}) and the
 * role's purpose: what Cairn accepts, OpenSSL accepts; what Cairn refuses for the chain or the
 * validity, OpenSSL refuses too; and what Cairn refuses only for the name or for revocation, OpenSSL
 * accepts, which shows that those certificates are sound but for the one thing the vector changes.
 */
class TrustVectorsOpenSslTest {
    /** Refused by Cairn for reasons outside X.509 path validation: OpenSSL must accept the chain. */
    private static final Set<String> CAIRN_ONLY =
            Set.of("TLS_PEER_IDENTITY_INVALID", "CERT_REVOKED", "REVOCATION_HEAD_STALE");

    /** Refused by Cairn for the chain or the validity: OpenSSL must refuse as well. */
    private static final Set<String> PATH = Set.of("CERT_CHAIN_INVALID", "CERT_EXPIRED", "CERT_NOT_YET_VALID");

    /**
     * RFC 5280 (4.1.2.5) and Cairn count the validity's notAfter second as valid; OpenSSL's
     * X509_cmp_time counts it as expired. This vector is checked exactly then, so OpenSSL must say
     * expired there and accept one second earlier.
     */
    private static final String AT_NOT_AFTER = "trust/accept/peer-at-not-after.json";

    @TempDir
    Path dir;

    @Test
    void openSslAgreesWithThePeerVectorsOnEveryChain() throws Exception {
        SortedMap<String, byte[]> files = VectorTree.read(VectorsTest.ROOT.resolve("vectors"));
        ObjectMapper json = new ObjectMapper();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            JsonNode v = json.readTree(file.getValue());
            if (!file.getKey().startsWith("trust/")
                    || !"peer".equals(v.path("type").asText())
                    || v.path("chain").isEmpty()) {
                continue;
            }
            String path = file.getKey();
            Instant now = Instant.parse(v.path("now").asText());
            boolean accepted = "accept".equals(v.path("expect").asText());
            String error = v.path("error").asText();
            if (path.equals(AT_NOT_AFTER)) {
                Result atNotAfter = verify(v, now, path);
                if (atNotAfter.ok() || !atNotAfter.output().contains("certificate has expired")) {
                    problems.add(path + ": at notAfter OpenSSL said " + atNotAfter.output());
                }
                now = now.minusSeconds(1);
            }
            Result result = verify(v, now, path);
            checked++;
            if ((accepted || CAIRN_ONLY.contains(error)) && !result.ok()) {
                problems.add(path + ": OpenSSL refused a chain it should accept: " + result.output());
            } else if (PATH.contains(error) && result.ok()) {
                problems.add(path + ": OpenSSL accepted a chain Cairn refuses with " + error);
            } else if (!accepted && !CAIRN_ONLY.contains(error) && !PATH.contains(error)) {
                problems.add(path + ": no OpenSSL expectation for " + error);
            }
        }
        assertTrue(checked >= 30, "only " + checked + " peer vectors with a chain found");
        assertEquals(List.of(), problems);
    }

    private Result verify(JsonNode v, Instant now, String path) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory(dir, "peer");
        List<X509Certificate> anchors = TrustBundleJwks.parse(
                        v.path("trust_bundle").asText().getBytes(StandardCharsets.US_ASCII))
                .certificates();
        Path caFile = write(work.resolve("ca.pem"), anchors);
        List<X509Certificate> chain = new ArrayList<>();
        v.path("chain")
                .forEach(c -> chain.add(Certificates.fromDer(HexFormat.of().parseHex(c.asText()))));
        assertFalse(chain.isEmpty(), path);
        List<String> args = new ArrayList<>(List.of(
                "openssl",
                "verify",
                "-CAfile",
                caFile.toString(),
                "-attime",
                Long.toString(now.getEpochSecond()),
                "-purpose",
                "SERVER".equals(v.path("role").asText()) ? "sslserver" : "sslclient"));
        if (chain.size() > 1) {
            args.add("-untrusted");
            args.add(write(work.resolve("untrusted.pem"), chain.subList(1, chain.size()))
                    .toString());
        }
        args.add(write(work.resolve("leaf.pem"), chain.subList(0, 1)).toString());
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("openssl did not finish: " + args);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.exitValue() == 0 && output.contains(": OK"), output.trim());
    }

    private static Path write(Path file, List<X509Certificate> certificates) throws IOException {
        StringBuilder pem = new StringBuilder();
        certificates.forEach(c -> pem.append(IssuedCertificate.pem(c)));
        return Files.writeString(file, pem.toString(), StandardCharsets.US_ASCII);
    }

    private record Result(boolean ok, String output) {}
}
