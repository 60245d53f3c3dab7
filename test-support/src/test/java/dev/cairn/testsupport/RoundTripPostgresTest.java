package dev.cairn.testsupport;

@CairnDatabase(TestDatabase.POSTGRESQL)
class RoundTripPostgresTest extends RoundTripContract {}
