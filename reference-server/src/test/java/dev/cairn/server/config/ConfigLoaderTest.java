package dev.cairn.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.keys.KeyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private static final Map<String, String> DOMAIN = Map.of("CAIRN_SERVER_SERVER_TRUST_DOMAIN", "demo.example");

    private ServerConfig load(String json, Map<String, String> env) throws IOException {
        Path file = dir.resolve("cairn-server.json");
        Files.writeString(file, json);
        return ConfigLoader.load(Optional.of(file), env, dir);
    }

    private MalformedInputException refused(String json, Map<String, String> env) {
        return assertThrows(MalformedInputException.class, () -> load(json, env));
    }

    @Test
    void defaultsNeedOnlyTheTrustDomain() {
        ServerConfig config = ConfigLoader.load(Optional.empty(), DOMAIN, dir);
        assertEquals("demo.example", config.trustDomain().name());
        assertEquals(dir.resolve("cairn-data"), config.dataDir());
        assertEquals(new ServerConfig.Listen("127.0.0.1", 8443), config.listen());
        assertTrue(config.database().embedded());
        assertEquals(KeyType.P256, config.ca().keyType());
        assertFalse(config.enrollment().autoApprove());
        assertEquals(64, config.audit().groupCommit());
        assertEquals(Duration.ofSeconds(10), config.audit().checkpointInterval());
    }

    @Test
    void fileThenEnvironment() throws IOException {
        ServerConfig config =
                load("""
                {"server": {"trust_domain": "a.example", "data_dir": "state"},
                 "listen": {"port": 0},
                 "ca": {"key_type": "ed25519", "offline_root": true},
                 "audit": {"group_commit": 16}}
                """, Map.of("CAIRN_SERVER_LISTEN_PORT", "9443", "PATH", "/bin", "CAIRN_TEST_PG_URL", "x"));
        assertEquals("a.example", config.trustDomain().name());
        assertEquals(dir.resolve("state"), config.dataDir());
        assertEquals(9443, config.listen().port());
        assertEquals(KeyType.ED25519, config.ca().keyType());
        assertTrue(config.ca().offlineRoot());
        assertEquals(16, config.audit().groupCommit());
    }

    @Test
    void missingTrustDomainStopsStartUp() {
        MalformedInputException e =
                assertThrows(MalformedInputException.class, () -> ConfigLoader.load(Optional.empty(), Map.of(), dir));
        assertEquals(ErrorCode.CONFIG_MISSING, e.code());
        assertTrue(e.getMessage().contains("server.trust_domain"), e.getMessage());
        assertTrue(e.getMessage().contains("CAIRN_SERVER_SERVER_TRUST_DOMAIN"), e.getMessage());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        MalformedInputException e = refused("""
                {"listen": {"port": 70000, "hots": "x"}, "audit": {"checkpoint_interval": "10s"}}
                """, DOMAIN);
        assertEquals(ErrorCode.CONFIG_UNKNOWN_KEY, e.code());
        for (String part : Set.of("listen.hots", "listen.port", "audit.checkpoint_interval")) {
            assertTrue(e.getMessage().contains(part), part + " in " + e.getMessage());
        }
    }

    @Test
    void strictJson() {
        assertEquals(
                ErrorCode.CONFIG_MALFORMED,
                refused("{\"listen\": {\"port\": 1, \"port\": 2}}", DOMAIN).code());
        assertEquals(
                ErrorCode.CONFIG_MALFORMED,
                refused("{\"listen\": {}} {}", DOMAIN).code());
        assertEquals(ErrorCode.CONFIG_MALFORMED, refused("// c\n{}", DOMAIN).code());
        assertEquals(ErrorCode.CONFIG_MALFORMED, refused("[]", DOMAIN).code());
        assertEquals(
                ErrorCode.CONFIG_MALFORMED, refused("{\"listen\": 1}", DOMAIN).code());
        assertEquals(
                ErrorCode.CONFIG_INVALID,
                refused("{\"listen\": {\"port\": \"1\"}}", DOMAIN).code());
        assertEquals(
                ErrorCode.CONFIG_INVALID,
                refused("{\"ca\": {\"offline_root\": \"yes\"}}", DOMAIN).code());
        assertEquals(
                ErrorCode.CONFIG_INVALID,
                refused("{\"ca\": {\"key_type\": \"rsa\"}}", DOMAIN).code());
    }

    @Test
    void unknownServerVariableIsRefusedOthersIgnored() {
        MalformedInputException e = assertThrows(
                MalformedInputException.class,
                () -> ConfigLoader.load(
                        Optional.empty(),
                        Map.of("CAIRN_SERVER_SERVER_TRUST_DOMAIN", "d.example", "CAIRN_SERVER_LISTEN_PROT", "1"),
                        dir));
        assertEquals(ErrorCode.CONFIG_UNKNOWN_KEY, e.code());
        assertTrue(e.getMessage().contains("CAIRN_SERVER_LISTEN_PROT"));
    }

    @Test
    void aPasswordNeverLivesInTheFile() {
        assertEquals(
                ErrorCode.CONFIG_UNSAFE,
                refused("{\"database\": {\"password\": \"hunter2\"}}", DOMAIN).code());
    }

    @Test
    void passwordFileMustBeOwnerOnlyAndGivenOnce() throws IOException {
        Path secret = dir.resolve("pw");
        Files.writeString(secret, "s3cret\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        String json = "{\"database\": {\"url\": \"jdbc:postgresql://127.0.0.1/cairn\", \"password_file\": \"pw\"}}";
        assertEquals(ErrorCode.CONFIG_UNSAFE, refused(json, DOMAIN).code());
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        ServerConfig config = load(json, DOMAIN);
        assertEquals(Optional.of("s3cret"), config.database().password());
        assertFalse(config.toString().contains("s3cret"), config.toString());
        Map<String, String> both = new java.util.HashMap<>(DOMAIN);
        both.put(Settings.DATABASE_PASSWORD_ENV, "other");
        assertEquals(ErrorCode.CONFIG_INVALID, refused(json, both).code());
    }

    @Test
    void onlyH2OrPostgresql() {
        assertEquals(
                ErrorCode.CONFIG_INVALID,
                refused("{\"database\": {\"url\": \"jdbc:mysql://x/y\"}}", DOMAIN)
                        .code());
    }

    @Test
    void badTrustDomain() {
        MalformedInputException e = assertThrows(
                MalformedInputException.class,
                () -> ConfigLoader.load(
                        Optional.empty(), Map.of("CAIRN_SERVER_SERVER_TRUST_DOMAIN", "Bad_Domain"), dir));
        assertEquals(ErrorCode.CONFIG_INVALID, e.code());
    }

    @Test
    void oversizedFile() throws IOException {
        String big = "{\"server\": {\"trust_domain\": \"" + "a".repeat(ConfigLoader.MAX_FILE_BYTES) + "\"}}";
        assertEquals(ErrorCode.CONFIG_MALFORMED, refused(big, Map.of()).code());
    }

    @Test
    void settingsAreDeclaredOnceWithDistinctVariables() {
        Set<String> keys = new HashSet<>();
        Set<String> variables = new HashSet<>();
        for (Setting s : Settings.ALL) {
            assertTrue(keys.add(s.key()), s.key());
            assertTrue(variables.add(s.environmentVariable()), s.environmentVariable());
            assertFalse(s.environmentVariable().equals(Settings.DATABASE_PASSWORD_ENV));
        }
        // Every default parses: a configuration of defaults only (plus the required domain) loads.
        assertEquals(
                1, Settings.ALL.stream().filter(s -> s.defaultValue().isEmpty()).count());
    }
}
