/**
 * Opening a ready context from the configuration (composition, so it lives
 * with the command, not in core, which must stay free of the database): the database (PGlite in
 * <dataDir>/pglite, or PostgreSQL when DATABASE_URL is set), migrated.
 */
import path from 'node:path';
import { systemActor, withActor, type ActorContext } from '../auth/index.js';
import { createLogger, loadConfig, type AppConfig, type AppContext, type Logger } from '../core/index.js';
import { blobStoreFromConfig } from '../blobs/index.js';
import { rebuildPersonIndex } from '../search/index.js';
import { migrate, openStore, type MigrationReport } from '../store/index.js';

export interface OpenedContext {
  ctx: AppContext;
  migrations: MigrationReport;
  close(): Promise<void>;
}

export async function openContext(config: AppConfig, log: Logger = createLogger(config.log)): Promise<OpenedContext> {
  const readReplica = config.databaseReadUrl ? { url: config.databaseReadUrl, maxLagMs: config.replicaMaxLagMs } : undefined;
  const store = await openStore({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite'), readReplica });
  try {
    const migrations = await migrate(store.db);
    // The person index arrived with 0018: records keyed before it are indexed once, here (keys are computed in TypeScript).
    if (migrations.applied.includes('0018')) await rebuildPersonIndex(store.db);
    const blobs = blobStoreFromConfig({ dataDir: config.dataDir, ...(config.s3 ? { s3: config.s3 } : {}) });
    const ctx: AppContext = { config, store, blobs, clock: () => new Date(), log };
    return { ctx, migrations, close: () => store.close() };
  } catch (e) {
    await store.close();
    throw e;
  }
}

/**
 * Runs `run` with a context opened from the configuration (and `--data`),
 * closing it afterwards. The CLI acts as the system (whoever runs it holds
 * the machine and the database); a command that names a user (--user) acts
 * as her instead (contextOfUser).
 */
export async function withContext<T>(data: string | undefined, run: (ctx: ActorContext) => Promise<T>): Promise<T> {
  const opened = await openContext(loadConfig({ dataDir: data }));
  try {
    return await run(withActor(opened.ctx, systemActor('cli')));
  } finally {
    await opened.close();
  }
}
