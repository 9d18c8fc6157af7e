import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_ONLY_NODE_OPTIONS, MALLOC_ENV, serverEnvDefaults } from '../../../scripts/server-env.mjs';

describe('the server memory settings', () => {
  // The image cannot import scripts/server-env.mjs: its ENV repeats the values, and must not drift.
  it('set glibc alike in the container image and under npm start', () => {
    const dockerfile = readFileSync(new URL('../../../Dockerfile', import.meta.url), 'utf8');
    const runtimeEnv = dockerfile.slice(dockerfile.lastIndexOf('\nENV '));
    for (const [name, value] of Object.entries(MALLOC_ENV)) {
      expect(runtimeEnv, name).toContain(` ${name}=${value} `);
    }
  });

  it('cap the young generation of an API-only process only', () => {
    expect(serverEnvDefaults({ SERVE_WEB: 'false' })).toEqual({
      ...MALLOC_ENV,
      NODE_OPTIONS: API_ONLY_NODE_OPTIONS,
    });
    expect(serverEnvDefaults({})).toEqual(MALLOC_ENV);
    expect(serverEnvDefaults({ SERVE_WEB: 'true' })).toEqual(MALLOC_ENV);
  });

  it("cap V8's young generation through NODE_OPTIONS, which node accepts", () => {
    // Churn short-lived objects, then read how large V8 let the young generation grow.
    const youngGenerationMiB = (nodeOptions: string) => {
      const run = spawnSync(
        process.execPath,
        [
          '-e',
          `let a = []; for (let i = 0; i < 3e6; i++) { a.push({ i }); if (a.length > 1e5) a = []; }
           const space = require('v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
           console.log(space.space_size / 1048576);`,
        ],
        { env: { ...process.env, NODE_OPTIONS: nodeOptions }, encoding: 'utf8' },
      );
      expect(run.status, run.stderr).toBe(0);
      return Number(run.stdout.trim());
    };
    expect(youngGenerationMiB(API_ONLY_NODE_OPTIONS)).toBeLessThanOrEqual(4);
    expect(youngGenerationMiB('')).toBeGreaterThan(4);
  });
});
