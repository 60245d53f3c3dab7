package dev.cairn.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {
    @Test
    void theDefaultIsADurableH2FileInTheDirectory() {
        DatabaseConfig config = DatabaseConfig.h2File(Path.of("/var/lib/cairn"));
        assertEquals("jdbc:h2:retry:/var/lib/cairn/cairn;WRITE_DELAY=0", config.jdbcUrl());
        assertEquals(Engine.H2, config.engine());
        assertEquals(DatabaseConfig.DEFAULT_POOL_SIZE, config.poolSize());
    }

    @Test
    void aRelativeDirectoryIsMadeAbsolute() {
        String url = DatabaseConfig.h2File(Path.of("data")).jdbcUrl();
        assertTrue(url.startsWith("jdbc:h2:retry:" + Path.of("data").toAbsolutePath()), url);
    }

    @Test
    void aDirectoryThatWouldInjectH2SettingsIsRefused() {
        for (String dir : new String[] {"/tmp/x;INIT=RUNSCRIPT FROM 'evil.sql'", "/tmp/a\nb"}) {
            assertEquals(
                    ErrorCode.STORE_CONFIG_INVALID,
                    assertThrows(MalformedInputException.class, () -> DatabaseConfig.h2File(Path.of(dir)))
                            .code());
        }
    }

    @Test
    void h2UrlsAreMadeDurableAcrossAProcessKillAndSafeFromInterrupts() {
        assertEquals(
                "jdbc:h2:retry:/d/db;TRACE_LEVEL_FILE=0;WRITE_DELAY=0",
                DatabaseConfig.jdbc("jdbc:h2:file:/d/db;TRACE_LEVEL_FILE=0", "sa", "")
                        .jdbcUrl());
        assertEquals(
                "jdbc:h2:retry:/d/db;write_delay=0",
                DatabaseConfig.jdbc("JDBC:H2:FILE:/d/db;write_delay=0", "sa", "")
                        .jdbcUrl());
        assertEquals(
                "jdbc:h2:retry:/d/db;WRITE_DELAY=0",
                DatabaseConfig.jdbc("jdbc:h2:retry:/d/db", "sa", "").jdbcUrl());
        assertEquals(
                ErrorCode.STORE_CONFIG_INVALID,
                assertThrows(
                                MalformedInputException.class,
                                () -> DatabaseConfig.jdbc("jdbc:h2:file:/d/db;WRITE_DELAY=500", "sa", ""))
                        .code());
    }

    @Test
    void onlyFileH2AndPostgresqlUrlsAreAccepted() {
        for (String url :
                new String[] {"jdbc:h2:mem:x", "jdbc:h2:tcp://h/x", "jdbc:mysql://h/x", "postgresql://h/x", ""}) {
            assertEquals(
                    ErrorCode.STORE_CONFIG_INVALID,
                    assertThrows(MalformedInputException.class, () -> DatabaseConfig.jdbc(url, null, null))
                            .code(),
                    url);
        }
        assertEquals(
                Engine.POSTGRESQL,
                DatabaseConfig.jdbc("jdbc:postgresql://127.0.0.1:5432/cairn", "u", "p")
                        .engine());
    }

    @Test
    void poolAndTimeoutsAreBounded() {
        DatabaseConfig ok = DatabaseConfig.jdbc("jdbc:postgresql://h/x", "u", "p");
        for (int size : new int[] {0, -1, 1001}) {
            assertEquals(
                    ErrorCode.STORE_CONFIG_INVALID,
                    assertThrows(MalformedInputException.class, () -> ok.withPoolSize(size))
                            .code());
        }
        assertEquals(
                ErrorCode.STORE_CONFIG_INVALID,
                assertThrows(MalformedInputException.class, () -> ok.withLockTimeout(Duration.ZERO))
                        .code());
        assertEquals(1, ok.withPoolSize(1).poolSize());
    }

    @Test
    void toStringShowsNeitherPasswordNorUrlParameters() {
        DatabaseConfig config = DatabaseConfig.jdbc("jdbc:postgresql://h/x?password=hunter2", "u", "hunter2");
        assertFalse(config.toString().contains("hunter2"), config.toString());
        MalformedInputException e = assertThrows(
                MalformedInputException.class, () -> DatabaseConfig.jdbc("jdbc:oracle:x?password=hunter2", "u", ""));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }
}
