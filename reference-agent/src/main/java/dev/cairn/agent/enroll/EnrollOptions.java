package dev.cairn.agent.enroll;

import dev.cairn.agent.client.Backoff;
import dev.cairn.agent.client.Capabilities;
import dev.cairn.agent.client.JoinToken;
import dev.cairn.agent.client.Sleeper;
import dev.cairn.agent.host.HostBinding;
import dev.cairn.keys.KeyType;
import dev.cairn.trust.identity.TrustDomain;
import dev.cairn.trust.pin.CaFingerprint;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What {@code cairn-agent enroll} was asked for.
 *
 * @param server the server's base URL
 * @param pin the SHA-256 fingerprint of the root CA certificate, given out of band
 * @param token the join token; needed only when no join request was submitted yet
 * @param clusterHint the cluster the token is expected to be for, checked against the issued identity
 * @param trustDomain the server's trust domain, if given; otherwise taken from its certificate
 * @param keyType the type of the key pair generated for a new enrollment
 * @param capabilities the capabilities declared in the join request
 * @param timeout how long to wait for a decision in all, from the start of the command
 * @param backoff the retry and polling backoff
 * @param host the host binding
 * @param hostname the host name reported as a fact, if any
 * @param clock what "now" is
 * @param random the source of keys and jitter
 * @param sleeper how to wait
 * @param notices where progress lines go (never a secret)
 */
public record EnrollOptions(
        URI server,
        CaFingerprint pin,
        Optional<JoinToken> token,
        Optional<String> clusterHint,
        Optional<TrustDomain> trustDomain,
        KeyType keyType,
        List<String> capabilities,
        Duration timeout,
        Backoff backoff,
        HostBinding host,
        Optional<String> hostname,
        Clock clock,
        SecureRandom random,
        Sleeper sleeper,
        Consumer<String> notices) {
    /** The default overall wait for approval. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);

    /**
     * Checks the options.
     *
     * @param server the URL
     * @param pin the pin
     * @param token the token
     * @param clusterHint the cluster hint
     * @param trustDomain the trust domain
     * @param keyType the key type
     * @param capabilities the capabilities
     * @param timeout the timeout, not negative
     * @param backoff the backoff
     * @param host the host binding
     * @param hostname the host name
     * @param clock the clock
     * @param random the randomness
     * @param sleeper the sleeper
     * @param notices the notices
     */
    public EnrollOptions {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(pin, "pin");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(clusterHint, "clusterHint");
        Objects.requireNonNull(trustDomain, "trustDomain");
        Objects.requireNonNull(keyType, "keyType");
        capabilities = Capabilities.of(capabilities);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout " + timeout + " is negative");
        }
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(notices, "notices");
    }
}
