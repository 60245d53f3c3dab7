package dev.cairn.server.app;

import dev.cairn.errors.ErrorCode;
import dev.cairn.server.http.CheckResult;
import dev.cairn.server.store.Database;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/** Readiness: every migration the server ships is applied, and none failed. */
final class Migrations {
    private Migrations() {}

    static CheckResult check(Database db) {
        MigrationInfoService info = Flyway.configure()
                .dataSource(db.dataSource())
                .locations(Database.MIGRATIONS)
                .load()
                .info();
        if (info.pending().length > 0) {
            return CheckResult.failed(ErrorCode.HTTP_NOT_READY, info.pending().length + " migration(s) pending");
        }
        for (MigrationInfo applied : info.applied()) {
            if (!applied.getState().isApplied() || applied.getState().isFailed()) {
                return CheckResult.failed(
                        ErrorCode.HTTP_NOT_READY, "migration " + applied.getVersion() + " is " + applied.getState());
            }
        }
        MigrationInfo current = info.current();
        return CheckResult.ok(current == null ? "none" : "version " + current.getVersion());
    }
}
