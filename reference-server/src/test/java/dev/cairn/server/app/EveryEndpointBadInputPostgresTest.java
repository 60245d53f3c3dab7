package dev.cairn.server.app;

import dev.cairn.testsupport.TestDatabase;

class EveryEndpointBadInputPostgresTest extends EveryEndpointBadInputContract {
    @Override
    TestDatabase engine() {
        return TestDatabase.POSTGRESQL;
    }
}
