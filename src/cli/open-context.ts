/**
 * Opening a ready context from the configuration: the database (PGlite in
 * <dataDir>/pglite, or PostgreSQL when DATABASE_URL is set), migrated.
 */
import path from 'node:path';
import { migrate, openStore, type MigrationReport } from '../store/index.js';
import type { AppConfig } from './config.js';
import { consoleLogger, type AppContext, type Logger } from './context.js';

export interface OpenedContext {
  ctx: AppContext;
  migrations: MigrationReport;
  close(): Promise<void>;
}

export async function openContext(config: AppConfig, log: Logger = consoleLogger): Promise<OpenedContext> {
  const store = await openStore({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite') });
  try {
    const migrations = await migrate(store.db);
    const ctx: AppContext = { config, store, clock: () => new Date(), log };
    return { ctx, migrations, close: () => store.close() };
  } catch (e) {
    await store.close();
    throw e;
  }
}
