package dev.cairn.testsupport;

@CairnDatabase(TestDatabase.H2_FILE)
class RoundTripH2Test extends RoundTripContract {}
