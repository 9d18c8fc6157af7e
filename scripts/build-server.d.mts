/** See build-server.mjs. */
import type { BuildResult, Plugin } from 'esbuild';

export declare const SERVER_DIST: string;
export declare const LAZY_BUILTINS: string[];
export declare const lazyBuiltins: Plugin;
export declare function buildServer(): Promise<BuildResult>;
