import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config';

interface StoredSecrets {
  jwtSecret: string;
  appSecret: string;
}

/**
 * Local mode only: secrets not given in the environment are generated once and kept in DATA_DIR
 * (mode 0600), so a restart keeps sessions valid. Production refuses to start without them instead.
 */
export function resolveSecrets(config: Config): { jwtSecret: string; appSecret: string } {
  if (config.jwtSecret && config.appSecret)
    return { jwtSecret: config.jwtSecret, appSecret: config.appSecret };
  if (config.mode === 'production') throw new Error('secrets missing in production'); // loadConfig already refused
  const file = path.join(config.dataDir, 'secrets.json');
  let stored: StoredSecrets;
  if (existsSync(file)) {
    stored = JSON.parse(readFileSync(file, 'utf8')) as StoredSecrets;
  } else {
    mkdirSync(config.dataDir, { recursive: true });
    stored = {
      jwtSecret: randomBytes(48).toString('base64url'),
      appSecret: randomBytes(48).toString('base64url'),
    };
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return { jwtSecret: config.jwtSecret ?? stored.jwtSecret, appSecret: config.appSecret ?? stored.appSecret };
}
