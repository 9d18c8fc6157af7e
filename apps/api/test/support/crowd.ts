// Shared with the bench: see apps/api/src/testing/crowd.ts.
export { mintBuyers, type Buyer } from '../../src/testing/crowd';
