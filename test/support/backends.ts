/**
 * describeBackends: runs the same database tests on the embedded PGlite and on
 * PostgreSQL. Each describe gets its own database: a copy of the migrated
 * PGlite snapshot, or a fresh PostgreSQL schema (dropped afterwards). Test
 * names carry "[pglite]" / "[postgresql]", which the backend reporter counts.
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { dropPgSchema, migrate, openStore, type Backend, type Store } from '../../src/store/index.js';

export const BACKENDS: readonly Backend[] = ['pglite', 'postgresql'];

export async function openTestStore(backend: Backend): Promise<{ store: Store; dispose: () => Promise<void> }> {
  if (backend === 'pglite') {
    const snapshot = new Blob([readFileSync(inject('pgliteSnapshot'))]);
    const store = await openStore({ pgliteSnapshot: snapshot });
    return { store, dispose: () => store.close() };
  }
  const url = inject('postgresUrl');
  const schema = `hotich_t_${randomBytes(6).toString('hex')}`;
  const store = await openStore({ databaseUrl: url, pgSchema: schema });
  await migrate(store.db);
  return {
    store,
    dispose: async () => {
      await store.close();
      await dropPgSchema(url, schema);
    },
  };
}

export function describeBackends(name: string, body: (get: () => Store) => void): void {
  for (const backend of BACKENDS) {
    const skip = backend === 'postgresql' && inject('postgresProblem') !== '';
    (skip ? describe.skip : describe)(`${name} [${backend}]`, () => {
      let opened: Awaited<ReturnType<typeof openTestStore>> | undefined;
      beforeAll(async () => {
        opened = await openTestStore(backend);
      });
      afterAll(async () => {
        await opened?.dispose();
      });
      body(() => {
        if (!opened) throw new Error('store not opened');
        return opened.store;
      });
    });
  }
}
