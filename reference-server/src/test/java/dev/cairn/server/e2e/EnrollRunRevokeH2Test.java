package dev.cairn.server.e2e;

import dev.cairn.testsupport.TestDatabase;

class EnrollRunRevokeH2Test extends EnrollRunRevokeContract {
    @Override
    TestDatabase engine() {
        return TestDatabase.H2_FILE;
    }
}
