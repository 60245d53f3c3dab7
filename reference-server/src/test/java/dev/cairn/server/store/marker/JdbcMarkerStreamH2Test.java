package dev.cairn.server.store.marker;

import dev.cairn.testsupport.CairnDatabase;
import dev.cairn.testsupport.TestDatabase;

@CairnDatabase(TestDatabase.H2_FILE)
class JdbcMarkerStreamH2Test extends JdbcMarkerStreamContract {}
