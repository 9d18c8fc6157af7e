/** See server-env.mjs. */
export declare const MALLOC_ENV: { MALLOC_ARENA_MAX: string; MALLOC_TRIM_THRESHOLD_: string };
export declare const API_ONLY_NODE_OPTIONS: string;
export declare function serverEnvDefaults(env: Record<string, string | undefined>): Record<string, string>;
