package dev.cairn.server.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** spec/server.md shows every configuration key exactly as {@link Settings} declares it. */
class SettingsTableTest {
    @Test
    void specShowsTheDeclaredTable() throws IOException {
        String spec = Files.readString(Path.of("..", "spec", "server.md"));
        String table = Settings.markdownTable();
        assertTrue(
                spec.contains(table),
                "spec/server.md must contain, verbatim, the table Settings.markdownTable() renders:\n" + table);
    }
}
