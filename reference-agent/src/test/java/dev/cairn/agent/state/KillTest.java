package dev.cairn.agent.state;

import static dev.cairn.agent.state.AgentFixture.ACCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cairn.agent.host.HostBinding;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments: a child JVM publishes generations in a loop ({@link PublishLoop}) and
 * is killed with {@code destroyForcibly}, many times over the same directory. After each kill,
 * opening gives the last generation the child reported or the one it was publishing, complete and
 * passing the start-up checks, and the directory holds nothing else.
 */
class KillTest {
    /** Kills per run; {@code -Dcairn.agent.kills=N} for a longer hunt. */
    private static final int KILLS = Integer.getInteger("cairn.agent.kills", 20);

    @TempDir
    Path tmp;

    @Test
    void afterEachKillTheStateIsTheLastOrTheNextGeneration() throws Exception {
        Path dir = tmp.resolve("state");
        Path hostRoot = tmp.resolve("host");
        AgentFixture.writeMachineId(hostRoot, "0123456789abcdef0123456789abcdef");
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long known = 0;
        int killedWhilePublishing = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            String what = "kill " + kill + " (seed " + seed + ")";
            Process child = new ProcessBuilder(
                            java,
                            "-cp",
                            System.getProperty("java.class.path"),
                            PublishLoop.class.getName(),
                            dir.toString(),
                            hostRoot.toString())
                    .redirectError(tmp.resolve("child-" + kill + ".err").toFile())
                    .start();
            AtomicLong ready = new AtomicLong(-1);
            AtomicLong published = new AtomicLong(-1);
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch publishing = new CountDownLatch(1);
            Thread reader = new Thread(() -> read(child, ready, published, started, publishing));
            reader.start();
            switch (random.nextInt(4)) {
                case 0 -> Thread.sleep(random.nextInt(1500)); // anywhere: start-up, open, garbage collection
                case 1 -> { // during the first publication of the run and its garbage collection
                    assertTrue(started.await(60, TimeUnit.SECONDS), what + ": the child did not start");
                    Thread.sleep(random.nextInt(50));
                }
                default -> { // in the running loop
                    assertTrue(publishing.await(60, TimeUnit.SECONDS), what + ": the child did not publish");
                    Thread.sleep(random.nextInt(300));
                }
            }
            if (!child.isAlive()) {
                fail(what + ": the child ended by itself: " + Files.readString(tmp.resolve("child-" + kill + ".err")));
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            reader.join();
            long last = Math.max(known, Math.max(ready.get(), published.get()));
            if (published.get() > ready.get()) {
                killedWhilePublishing++;
            }
            known = check(dir, hostRoot, last, what);
        }
        assertTrue(
                killedWhilePublishing >= KILLS / 4,
                killedWhilePublishing + " of " + KILLS + " kills hit a running loop");
    }

    private static void read(
            Process child, AtomicLong ready, AtomicLong published, CountDownLatch started, CountDownLatch publishing) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("ready ")) {
                    ready.set(Long.parseLong(line.substring(6)));
                    started.countDown();
                } else if (line.startsWith("published ")) {
                    published.set(Long.parseLong(line.substring(10)));
                    publishing.countDown();
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the child was killed mid-line
        }
    }

    /** Opens after a kill and checks the generation found; returns its number. */
    private static long check(Path dir, Path hostRoot, long last, String what) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (StateDirectory state = StateDirectory.open(dir)) {
            Optional<Generation> current = state.current();
            long number = current.map(Generation::number).orElse(0L);
            assertTrue(
                    number == last || number == last + 1, what + ": generation " + number + ", last reported " + last);
            Set<String> expected = new TreeSet<>(Set.of("lock"));
            current.ifPresent(g -> {
                expected.add("CURRENT");
                expected.add(Generation.directoryName(g.number()));
                GenerationLoader.keyFile(g.state()).ifPresent(expected::add);
            });
            assertEquals(expected, StateDirectoryTest.names(dir), what + ": garbage left");
            if (current.isPresent()) {
                StateCheck check = StateCheck.builder()
                        .clock(Clock.systemUTC())
                        .hostBinding(HostBinding.at(hostRoot))
                        .build();
                if (current.get().state() instanceof FencedState) {
                    assertEquals(
                            ErrorCode.AGENT_FENCED,
                            assertThrows(CairnException.class, () -> check.check(state, ACCESS))
                                    .code());
                } else {
                    Class<? extends CheckedState> want =
                            current.get().state() instanceof ActiveState ? CheckedActive.class : CheckedPending.class;
                    assertInstanceOf(want, check.check(state, ACCESS), what);
                }
            }
            return number;
        }
    }
}
