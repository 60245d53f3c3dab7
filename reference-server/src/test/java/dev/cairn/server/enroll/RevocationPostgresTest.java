package dev.cairn.server.enroll;

import dev.cairn.testsupport.CairnDatabase;
import dev.cairn.testsupport.TestDatabase;

@CairnDatabase(TestDatabase.POSTGRESQL)
class RevocationPostgresTest extends RevocationContract {}
