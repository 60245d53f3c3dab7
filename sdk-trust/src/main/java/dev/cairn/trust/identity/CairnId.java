package dev.cairn.trust.identity;

import dev.cairn.checkpoint.LogId;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A workload or operator identity: one URI in Cairn's namespace, the only name a Cairn certificate
 * carries ({@code spec/identity.md}). Canonical form only: {@code parse(id.uri())} equals {@code id}
 * and any other spelling is rejected, never normalised.
 *
 * <ul>
 *   <li>{@code cairn://<trust-domain>/cluster/<cluster>/node/<node>}
 *   <li>{@code cairn://<trust-domain>/cluster/<cluster>/service/<service>}
 *   <li>{@code cairn://<trust-domain>/operator/<operator>}
 *   <li>{@code cairn://<trust-domain>/log/<log-name>}: the key that signs the log {@code
 *       <trust-domain>/<log-name>}
 * </ul>
 *
 * @param trustDomain the trust domain
 * @param kind what is named
 * @param cluster the cluster for nodes and services; empty for operators and logs
 * @param name the node, service, operator or log name
 */
public record CairnId(TrustDomain trustDomain, Kind kind, String cluster, String name) {
    /** The URI scheme. */
    public static final String SCHEME = "cairn";

    /** Longest identity URI. */
    public static final int MAX_LENGTH = 512;

    /** Longest name segment. */
    public static final int MAX_SEGMENT = 63;

    /**
     * The cluster name reserved for the control plane itself ({@code spec/enrollment.md}, section 1):
     * no cluster of nodes may take it.
     */
    public static final String CONTROL_CLUSTER = "cairn-control";

    /** The service name of the server in the {@link #CONTROL_CLUSTER}. */
    public static final String SERVER_SERVICE = "server";

    private static final int SAN_URI = 6;

    /** What an identity names. */
    public enum Kind {
        /** A machine enrolled in a cluster. */
        NODE,
        /** A service running in a cluster. */
        SERVICE,
        /** A human or automation operating the control plane. */
        OPERATOR,
        /**
         * A log's signing key: the checkpoints and statements of the log {@code <trust-domain>/<name>}
         * ({@code spec/receipts.md}, "Log id"), certified under the {@code LOG_SIGNER} profile.
         */
        LOG
    }

    /**
     * Checks every part against the grammar.
     *
     * @param trustDomain the trust domain
     * @param kind what is named
     * @param cluster the cluster ({@code ""} for operators and logs)
     * @param name the name
     * @throws MalformedInputException {@link ErrorCode#IDENTITY_MALFORMED} if a part breaks the grammar
     */
    public CairnId {
        Objects.requireNonNull(trustDomain, "trustDomain");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(name, "name");
        if (kind == Kind.OPERATOR || kind == Kind.LOG) {
            if (!cluster.isEmpty()) {
                throw malformed((kind == Kind.LOG ? "a log" : "an operator") + " identity has no cluster");
            }
        } else {
            checkSegment(cluster, "cluster");
        }
        checkSegment(name, "name");
    }

    /**
     * A node identity.
     *
     * @param trustDomain the trust domain
     * @param cluster the cluster
     * @param node the node name
     * @return the identity
     */
    public static CairnId node(TrustDomain trustDomain, String cluster, String node) {
        return new CairnId(trustDomain, Kind.NODE, cluster, node);
    }

    /**
     * A service identity.
     *
     * @param trustDomain the trust domain
     * @param cluster the cluster
     * @param service the service name
     * @return the identity
     */
    public static CairnId service(TrustDomain trustDomain, String cluster, String service) {
        return new CairnId(trustDomain, Kind.SERVICE, cluster, service);
    }

    /**
     * The server's identity, the one name its TLS certificate carries ({@code spec/enrollment.md},
     * section 1).
     *
     * @param trustDomain the trust domain
     * @return {@code cairn://<td>/cluster/cairn-control/service/server}
     */
    public static CairnId server(TrustDomain trustDomain) {
        return service(trustDomain, CONTROL_CLUSTER, SERVER_SERVICE);
    }

    /**
     * The one Cairn identity a certificate names: its subjectAltName extension holds exactly one
     * name, a URI, and that URI is a canonical {@code cairn://} identity. Nothing else about the
     * certificate is checked.
     *
     * @param certificate the certificate
     * @return the identity, or empty if the certificate has no such single name
     */
    public static Optional<CairnId> inCertificate(X509Certificate certificate) {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return Optional.empty();
        }
        if (names == null || names.size() != 1) {
            return Optional.empty();
        }
        List<?> name = names.iterator().next();
        if (!(name.get(0) instanceof Integer type) || type != SAN_URI || !(name.get(1) instanceof String uri)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(uri));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * An operator identity.
     *
     * @param trustDomain the trust domain
     * @param operator the operator name
     * @return the identity
     */
    public static CairnId operator(TrustDomain trustDomain, String operator) {
        return new CairnId(trustDomain, Kind.OPERATOR, "", operator);
    }

    /**
     * A log signer identity: the key that signs the log {@code <trust-domain>/<log>}.
     *
     * @param trustDomain the trust domain
     * @param log the log's name within it
     * @return the identity
     */
    public static CairnId log(TrustDomain trustDomain, String log) {
        return new CairnId(trustDomain, Kind.LOG, "", log);
    }

    /**
     * The identity a certificate for a log's signing key names: {@code cairn://<trust-domain>/log/<name>}
     * for the log id {@code <trust-domain>/<name>}.
     *
     * @param logId the log
     * @return the identity
     * @throws MalformedInputException {@link ErrorCode#IDENTITY_MALFORMED} if the log id is not a trust
     *     domain, a slash and a name segment
     */
    public static CairnId forLog(LogId logId) {
        String value = logId.value();
        int slash = value.indexOf('/');
        if (slash < 0) {
            throw malformed("log id " + value + " is not <trust-domain>/<log-name>");
        }
        return log(new TrustDomain(value.substring(0, slash)), value.substring(slash + 1));
    }

    /**
     * Parses an identity URI in canonical form.
     *
     * @param uri the text, for example from a certificate's URI SAN
     * @return the identity
     * @throws MalformedInputException {@link ErrorCode#IDENTITY_MALFORMED} if it is not a canonical
     *     Cairn identity URI
     */
    public static CairnId parse(String uri) {
        Objects.requireNonNull(uri, "uri");
        if (uri.length() > MAX_LENGTH) {
            throw malformed("length " + uri.length() + ", want at most " + MAX_LENGTH);
        }
        String prefix = SCHEME + "://";
        if (!uri.startsWith(prefix)) {
            throw malformed("want the scheme " + prefix);
        }
        List<String> parts = split(uri.substring(prefix.length()));
        TrustDomain domain = new TrustDomain(parts.get(0));
        List<String> path = parts.subList(1, parts.size());
        if (path.size() == 4 && path.get(0).equals("cluster") && path.get(2).equals("node")) {
            return node(domain, path.get(1), path.get(3));
        }
        if (path.size() == 4 && path.get(0).equals("cluster") && path.get(2).equals("service")) {
            return service(domain, path.get(1), path.get(3));
        }
        if (path.size() == 2 && path.get(0).equals("operator")) {
            return operator(domain, path.get(1));
        }
        if (path.size() == 2 && path.get(0).equals("log")) {
            return log(domain, path.get(1));
        }
        throw malformed("path must be cluster/<c>/node/<n>, cluster/<c>/service/<s>, operator/<o> or log/<l>");
    }

    /**
     * The canonical URI.
     *
     * @return for example {@code cairn://demo.example/cluster/c1/node/n-1}
     */
    public String uri() {
        String authority = SCHEME + "://" + trustDomain.name();
        return switch (kind) {
            case NODE -> authority + "/cluster/" + cluster + "/node/" + name;
            case SERVICE -> authority + "/cluster/" + cluster + "/service/" + name;
            case OPERATOR -> authority + "/operator/" + name;
            case LOG -> authority + "/log/" + name;
        };
    }

    /**
     * Whether this is the server's identity, in any trust domain.
     *
     * @return {@code true} for {@code cairn://<td>/cluster/cairn-control/service/server}
     */
    public boolean isServer() {
        return equals(server(trustDomain));
    }

    @Override
    public String toString() {
        return uri();
    }

    private static List<String> split(String rest) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (true) {
            int slash = rest.indexOf('/', start);
            parts.add(slash < 0 ? rest.substring(start) : rest.substring(start, slash));
            if (slash < 0 || parts.size() > 5) {
                return parts;
            }
            start = slash + 1;
        }
    }

    private static void checkSegment(String segment, String what) {
        if (segment.isEmpty() || segment.length() > MAX_SEGMENT) {
            throw malformed(what + " of length " + segment.length() + ", want 1 to " + MAX_SEGMENT);
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!(alnum || (i > 0 && (c == '-' || c == '.' || c == '_')))) {
                throw malformed(what + ": character U+" + String.format("%04X", (int) c) + " at " + i
                        + " outside [a-z0-9] (then also - . _)");
            }
        }
    }

    private static MalformedInputException malformed(String message) {
        return new MalformedInputException(ErrorCode.IDENTITY_MALFORMED, "identity: " + message);
    }
}
