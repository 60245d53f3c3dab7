package dev.cairn.server.e2e;

import dev.cairn.testsupport.TestDatabase;

class CrashAndRestartPostgresTest extends CrashAndRestartContract {
    @Override
    TestDatabase engine() {
        return TestDatabase.POSTGRESQL;
    }
}
