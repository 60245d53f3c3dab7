package dev.cairn.server.cli.admin;

import dev.cairn.bytes.Bytes;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.VerificationException;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.bundle.TrustBundleJwks;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.pin.CaFingerprint;
import dev.cairn.trust.pin.PinnedServerTrust;
import dev.cairn.trust.revocation.FreshnessTier;
import dev.cairn.trust.revocation.RevocationEntries;
import dev.cairn.trust.revocation.RevocationEntry;
import dev.cairn.trust.revocation.RevocationState;
import dev.cairn.trust.tls.PeerRole;
import dev.cairn.trust.tls.PeerVerifier;
import dev.cairn.trust.tls.TlsContexts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the CLI comes to trust a server it has only a root fingerprint for. A first connection,
 * verified by {@link PinnedServerTrust}, fetches the public trust bundle ({@code
 * /v1/trust/bundle.jwks}: its trust domain must be the one the server's certificate names and each
 * of its CAs must be signed by the pinned root) and the whole revocation chain with its signed head
 * ({@code /v1/trust/revocation/entries}, {@code /head}: verified with the bundle's keys). From those
 * it builds the {@link PeerVerifier} of the connection that carries the credential: role server,
 * the server identity expected, revocation checked at tier {@code RISKY}.
 *
 * @param server the server's identity
 * @param bundle the trust bundle fetched
 * @param jwks its canonical JWKS bytes, as fetched
 * @param verifier the verifier of the real connection
 */
record ServerTrust(CairnId server, TrustBundle bundle, Bytes jwks, PeerVerifier verifier) {
    private static final int ATTEMPTS = 3;

    /**
     * Establishes trust in the server at {@code base}.
     *
     * @param base the server's https URI
     * @param pin the root fingerprint
     * @param localCas CA certificates this machine holds (the data directory's intermediate), each of
     *     which must be in the bundle; empty when run elsewhere
     * @return the trust
     * @throws IOException when the server cannot be reached or the handshake fails
     */
    static ServerTrust establish(URI base, CaFingerprint pin, List<X509Certificate> localCas) throws IOException {
        PinnedServerTrust pinned = new PinnedServerTrust(
                pin,
                Optional.empty(),
                Clock.systemUTC(),
                ErrorCode.CERT_CHAIN_INVALID,
                ErrorCode.TLS_PEER_IDENTITY_INVALID);
        HttpClient bootstrap = Http.client(pinned.clientContext());
        byte[] jwks = Http.send(
                bootstrap, Http.request(base, "/v1/trust/bundle.jwks").GET().build(), 200);
        PinnedServerTrust.Accepted accepted = pinned.accepted()
                .orElseThrow(() -> new InternalException(ErrorCode.INTERNAL_BUG, "no handshake was verified", null));
        TrustBundle bundle = TrustBundleJwks.parse(jwks);
        CairnId server = accepted.server();
        if (!bundle.trustDomain().equals(server.trustDomain())) {
            throw VerificationException.mismatch(
                    ErrorCode.CERT_CHAIN_INVALID,
                    "trust bundle of " + server.trustDomain().name(),
                    "trust bundle of " + bundle.trustDomain().name());
        }
        for (X509Certificate ca : bundle.certificates()) {
            try {
                ca.verify(accepted.root().getPublicKey());
            } catch (GeneralSecurityException e) {
                throw new VerificationException(
                        ErrorCode.CERT_CHAIN_INVALID, "a CA of the trust bundle is not signed by the pinned root");
            }
        }
        for (X509Certificate local : localCas) {
            if (!bundle.certificates().contains(local)) {
                throw new VerificationException(
                        ErrorCode.CERT_CHAIN_INVALID,
                        "the server's trust bundle lacks the data directory's intermediate");
            }
        }
        RevocationState revocation = revocation(bootstrap, base, bundle);
        PeerVerifier verifier = PeerVerifier.builder()
                .trustBundle(bundle)
                .revocation(revocation)
                .tier(FreshnessTier.RISKY)
                .role(PeerRole.SERVER)
                .expectId(server)
                .build();
        return new ServerTrust(server, bundle, Bytes.copyOf(jwks), verifier);
    }

    /** The client of the connection that carries the credential. */
    HttpClient client() {
        return Http.client(TlsContexts.client(verifier));
    }

    /** The audit log id of the server's trust domain ({@code audit-bundle.md}). */
    String logId() {
        return server.trustDomain().name() + "/audit";
    }

    private static RevocationState revocation(HttpClient client, URI base, TrustBundle bundle) throws IOException {
        CairnException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<RevocationEntry> entries = entries(client, base);
            byte[] head = Http.send(
                    client,
                    Http.request(base, "/v1/trust/revocation/head").GET().build(),
                    200);
            RevocationState state =
                    RevocationState.builder(bundle.trustDomain(), bundle.keys()).build();
            try {
                state.updateFromStart(head, entries);
                return state;
            } catch (CairnException e) {
                last = e; // a revocation between the two fetches: fetch both again
            }
        }
        throw last;
    }

    private static List<RevocationEntry> entries(HttpClient client, URI base) throws IOException {
        List<RevocationEntry> all = new ArrayList<>();
        while (true) {
            byte[] chunk = Http.send(
                    client,
                    Http.request(base, "/v1/trust/revocation/entries?from=" + all.size())
                            .GET()
                            .build(),
                    200);
            List<RevocationEntry> entries = RevocationEntries.decode(chunk);
            all.addAll(entries);
            if (entries.size() < RevocationEntries.MAX_ENTRIES) {
                return all;
            }
        }
    }
}
