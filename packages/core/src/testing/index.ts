export { testEngines, createTestDatabase, type TestDatabase } from './test-database';
