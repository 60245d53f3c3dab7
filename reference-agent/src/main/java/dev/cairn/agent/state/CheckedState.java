package dev.cairn.agent.state;

import dev.cairn.keys.SigningKey;

/**
 * A state that passed the start-up checks of {@link StateCheck}, with its private key: either still
 * pending approval, or active and safe to use. Only {@link StateCheck} makes one.
 */
public sealed interface CheckedState permits CheckedPending, CheckedActive {
    /**
     * The generation checked.
     *
     * @return the generation
     */
    Generation generation();

    /**
     * The node's private key, read from its file and matching the state (and the certificate, when
     * active).
     *
     * @return the key
     */
    SigningKey key();
}
