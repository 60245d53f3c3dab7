package dev.cairn.agent.run;

import dev.cairn.agent.client.Backoff;
import dev.cairn.agent.client.Capabilities;
import dev.cairn.agent.client.Sleeper;
import dev.cairn.agent.host.HostBinding;
import dev.cairn.trust.revocation.FreshnessPolicy;
import dev.cairn.trust.revocation.FreshnessTier;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What {@code cairn-agent run} was asked for.
 *
 * @param interval the time between heartbeats
 * @param tier the agent's safety tier: how fresh its revocation state must be for it to act
 * @param beats stop after this many acknowledged heartbeats (1 for {@code --once}); empty to run until
 *     stopped
 * @param capabilities the capabilities reported
 * @param backoff the backoff between failed attempts
 * @param policy the freshness bounds of the tiers
 * @param host the host binding
 * @param clock what "now" is
 * @param random the source of keys and jitter
 * @param sleeper how to wait
 * @param notices where progress lines go (never a secret)
 */
public record RunOptions(
        Duration interval,
        FreshnessTier tier,
        Optional<Long> beats,
        List<String> capabilities,
        Backoff backoff,
        FreshnessPolicy policy,
        HostBinding host,
        Clock clock,
        SecureRandom random,
        Sleeper sleeper,
        Consumer<String> notices) {
    /** The default time between heartbeats. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    /** The shortest time between heartbeats. */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(100);

    /**
     * Checks the options.
     *
     * @param interval at least {@link #MIN_INTERVAL}
     * @param tier the tier
     * @param beats at least 1 if present
     * @param capabilities the capabilities
     * @param backoff the backoff
     * @param policy the policy
     * @param host the host binding
     * @param clock the clock
     * @param random the randomness
     * @param sleeper the sleeper
     * @param notices the notices
     */
    public RunOptions {
        Objects.requireNonNull(interval, "interval");
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("interval " + interval + ", want at least " + MIN_INTERVAL);
        }
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(beats, "beats");
        beats.ifPresent(n -> {
            if (n < 1) {
                throw new IllegalArgumentException("beats " + n + ", want at least 1");
            }
        });
        capabilities = Capabilities.of(capabilities);
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(notices, "notices");
    }
}
