export { buildApp } from './app';
export { loadConfig, ConfigError, type Config } from './config';
export type { AppContext } from './context';
export { renderOpenApiDocument } from './openapi-document';
export { openConfiguredDatabase } from './configured-database';
export { readConfigOrExit } from './read-config';
export { authSettings, createAppContext, eventDeps, identityDeps, orderDeps } from './context';
