import type { AfterCommit } from '../shared/after-commit';
import type { CoreDeps } from '../shared/core-deps';

/** What event use cases need besides the acting user. */
export interface EventDeps extends CoreDeps {
  /** Told after commit when an event's capacity, tiers or status changed. */
  afterCommit: AfterCommit;
  /** Where uploaded images live: outside any code or static-asset folder. */
  uploadDir: string;
}
