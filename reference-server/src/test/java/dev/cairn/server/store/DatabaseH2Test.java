package dev.cairn.server.store;

import dev.cairn.testsupport.CairnDatabase;
import dev.cairn.testsupport.TestDatabase;

@CairnDatabase(TestDatabase.H2_FILE)
class DatabaseH2Test extends DatabaseContract {}
