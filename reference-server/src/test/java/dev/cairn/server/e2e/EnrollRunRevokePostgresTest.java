package dev.cairn.server.e2e;

import dev.cairn.testsupport.TestDatabase;

class EnrollRunRevokePostgresTest extends EnrollRunRevokeContract {
    @Override
    TestDatabase engine() {
        return TestDatabase.POSTGRESQL;
    }
}
