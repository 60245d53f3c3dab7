package dev.cairn.server.app;

import dev.cairn.testsupport.TestDatabase;

class EveryEndpointBadInputH2Test extends EveryEndpointBadInputContract {
    @Override
    TestDatabase engine() {
        return TestDatabase.H2_FILE;
    }
}
