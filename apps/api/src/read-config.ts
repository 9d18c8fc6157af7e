import { ConfigError, loadConfig, type Config } from './config';

/** Loads the configuration, or exits with a message naming the bad variable (for entry points). */
export function readConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
