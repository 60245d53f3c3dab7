package dev.cairn.server.e2e;

import dev.cairn.testsupport.TestDatabase;

class EnrollRefusalsH2Test extends EnrollRefusalsContract {
    @Override
    TestDatabase engine() {
        return TestDatabase.H2_FILE;
    }
}
