package dev.cairn.server.e2e;

import dev.cairn.testsupport.TestDatabase;

class RunningAgentH2Test extends RunningAgentContract {
    @Override
    TestDatabase engine() {
        return TestDatabase.H2_FILE;
    }
}
