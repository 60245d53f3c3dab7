package dev.cairn.server.store.audit;

import dev.cairn.testsupport.CairnDatabase;
import dev.cairn.testsupport.TestDatabase;

@CairnDatabase(TestDatabase.H2_FILE)
class AuditReplicaH2Test extends AuditReplicaContract {}
