package dev.cairn.server.e2e;

import dev.cairn.testsupport.TestDatabase;

class RunningAgentPostgresTest extends RunningAgentContract {
    @Override
    TestDatabase engine() {
        return TestDatabase.POSTGRESQL;
    }
}
