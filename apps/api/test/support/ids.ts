import { uuidv7 } from 'uuidv7';

export const newIdForTests = (): string => uuidv7();
