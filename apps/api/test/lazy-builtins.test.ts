import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { LAZY_BUILTINS, lazyBuiltins } from '../../../scripts/build-server.mjs';

// What the bundled packages read of each (fastify: https.createServer, http2.createServer,
// dns.lookup). A built-in added to LAZY_BUILTINS needs its entry here.
const USED: Record<string, string> = { https: 'createServer', http2: 'createServer', dns: 'lookup' };

// The server bundle hands bundled packages stand-ins for built-ins they require but seldom use:
// the real module must load on the first property read, and not before.
describe('lazily loaded built-ins in the server bundle', () => {
  it('load on first use, and give the real module', async () => {
    expect(Object.keys(USED).sort()).toEqual([...LAZY_BUILTINS].sort());
    const entry = LAZY_BUILTINS.map((name) => `require('node:${name}')`).join(',');
    const bundled = await build({
      stdin: { contents: `module.exports = [${entry}];`, loader: 'js', resolveDir: process.cwd() },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false,
      plugins: [lazyBuiltins],
      logLevel: 'silent',
    });
    const probe = `${bundled.outputFiles[0]!.text}
const names = ${JSON.stringify(LAZY_BUILTINS)}, used = ${JSON.stringify(USED)};
const loaded = () => process.moduleLoadList.filter((m) => names.some((n) => m === 'NativeModule ' + n)).sort();
const before = loaded();
const reads = module.exports.map((standIn, i) => standIn[used[names[i]]]);
const after = loaded();
const same = reads.every((value, i) => value === require('node:' + names[i])[used[names[i]]]);
console.log(JSON.stringify({ before, after, same }));`;
    const run = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      before: [],
      after: LAZY_BUILTINS.map((name) => `NativeModule ${name}`).sort(),
      same: true,
    });
  });
});
