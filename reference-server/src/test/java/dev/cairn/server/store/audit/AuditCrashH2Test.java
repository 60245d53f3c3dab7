package dev.cairn.server.store.audit;

import dev.cairn.testsupport.CairnDatabase;
import dev.cairn.testsupport.TestDatabase;

@CairnDatabase(TestDatabase.H2_FILE)
class AuditCrashH2Test extends AuditCrashContract {}
