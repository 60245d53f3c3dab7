package dev.cairn.server.e2e;

import dev.cairn.testsupport.TestDatabase;

class EnrollRefusalsPostgresTest extends EnrollRefusalsContract {
    @Override
    TestDatabase engine() {
        return TestDatabase.POSTGRESQL;
    }
}
