export { testEngines, createTestDatabase, type TestDatabase } from './test-database';
export { seededRandom } from './seeded-random';
