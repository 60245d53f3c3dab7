package dev.cairn.server.store.audit;

import dev.cairn.testsupport.CairnDatabase;
import dev.cairn.testsupport.TestDatabase;

@CairnDatabase(TestDatabase.POSTGRESQL)
class AuditCrashPostgresTest extends AuditCrashContract {}
