package dev.cairn.server.enroll;

import dev.cairn.testsupport.CairnDatabase;
import dev.cairn.testsupport.TestDatabase;

@CairnDatabase(TestDatabase.H2_FILE)
class EnrollmentH2Test extends EnrollmentContract {}
