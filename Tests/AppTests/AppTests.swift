import Testing

/// Every integration test, serialized: on PostgreSQL (`TEST_DATABASE_URL`) they share one database,
/// which each test empties and migrates anew.
@Suite(.serialized) struct AppTests {}
