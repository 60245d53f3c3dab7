package dev.cairn.server.store.marker;

import dev.cairn.testsupport.CairnDatabase;
import dev.cairn.testsupport.TestDatabase;

@CairnDatabase(TestDatabase.POSTGRESQL)
class JdbcMarkerStreamPostgresTest extends JdbcMarkerStreamContract {}
