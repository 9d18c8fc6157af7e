/** See server-env.mjs. */
export declare const SERVER_ENV_DEFAULTS: {
  MALLOC_ARENA_MAX: string;
  MALLOC_TRIM_THRESHOLD_: string;
  NODE_OPTIONS: string;
};
