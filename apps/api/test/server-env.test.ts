import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_ENV_DEFAULTS } from '../../../scripts/server-env.mjs';

// The image cannot import scripts/server-env.mjs: its ENV repeats the values, and must not drift.
describe('the server memory settings', () => {
  it('are the same in the container image as under npm start', () => {
    const dockerfile = readFileSync(new URL('../../../Dockerfile', import.meta.url), 'utf8');
    const runtimeEnv = dockerfile.slice(dockerfile.lastIndexOf('\nENV '));
    for (const [name, value] of Object.entries(SERVER_ENV_DEFAULTS)) {
      expect(runtimeEnv, name).toContain(` ${name}=${value} `);
    }
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
    expect(youngGenerationMiB(SERVER_ENV_DEFAULTS.NODE_OPTIONS)).toBeLessThanOrEqual(4);
    expect(youngGenerationMiB('')).toBeGreaterThan(4);
  });
});
