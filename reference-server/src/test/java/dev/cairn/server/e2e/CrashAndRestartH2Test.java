package dev.cairn.server.e2e;

import dev.cairn.testsupport.TestDatabase;

class CrashAndRestartH2Test extends CrashAndRestartContract {
    @Override
    TestDatabase engine() {
        return TestDatabase.H2_FILE;
    }
}
