package dev.cairn.server.store;

import dev.cairn.testsupport.CairnDatabase;
import dev.cairn.testsupport.TestDatabase;

@CairnDatabase(TestDatabase.POSTGRESQL)
class DatabasePostgresTest extends DatabaseContract {}
