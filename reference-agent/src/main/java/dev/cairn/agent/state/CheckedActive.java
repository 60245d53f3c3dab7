package dev.cairn.agent.state;

import dev.cairn.keys.SigningKey;
import dev.cairn.trust.identity.CairnId;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An active state that passed every start-up check at the instant checked: on its own machine, its
 * key certified by its certificate, which names its identity, leads to the pinned CA through the held
 * trust bundle and is within its validity.
 */
public final class CheckedActive implements CheckedState {
    private final Generation generation;
    private final SigningKey key;
    private final List<X509Certificate> path;
    private final Instant checkedAt;

    CheckedActive(Generation generation, SigningKey key, List<X509Certificate> path, Instant checkedAt) {
        this.generation = Objects.requireNonNull(generation);
        this.key = Objects.requireNonNull(key);
        this.path = List.copyOf(path);
        this.checkedAt = Objects.requireNonNull(checkedAt);
    }

    @Override
    public Generation generation() {
        return generation;
    }

    /**
     * The active state.
     *
     * @return the state
     */
    public ActiveState state() {
        return (ActiveState) generation.state();
    }

    @Override
    public SigningKey key() {
        return key;
    }

    /**
     * The node's identity.
     *
     * @return the identity
     */
    public CairnId identity() {
        return state().identity();
    }

    /**
     * The chain to present in TLS: the stored chain, node certificate first.
     *
     * @return the chain
     */
    public List<X509Certificate> chain() {
        return state().chain();
    }

    /**
     * The verified path from the node certificate to the pinned root, root last.
     *
     * @return the path
     */
    public List<X509Certificate> path() {
        return path;
    }

    /**
     * The end of the certificate's validity.
     *
     * @return notAfter of the node certificate
     */
    public Instant notAfter() {
        return state().certificate().getNotAfter().toInstant();
    }

    /**
     * When to renew.
     *
     * @return the renewal point
     */
    public Instant renewAt() {
        return state().renewAt();
    }

    /**
     * The instant the checks were made at.
     *
     * @return the instant
     */
    public Instant checkedAt() {
        return checkedAt;
    }

    @Override
    public String toString() {
        return "CheckedActive[generation " + generation.number() + ", " + identity() + ", not after " + notAfter()
                + "]";
    }
}
