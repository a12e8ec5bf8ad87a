/**
 * A context for tests: the given store, a fresh temporary data folder (blobs,
 * uploads), a fixed clock, no log output, acting as the system (tests of
 * scope build a user's context with `withActor(ctx, userActor(user))`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLocalBlobStore } from '../../src/blobs/index.js';
import { systemActor, type ActorContext } from '../../src/auth/index.js';
import { loadConfig, silentLogger } from '../../src/core/index.js';
import type { Store } from '../../src/store/index.js';

export const TEST_NOW = new Date('2026-11-25T12:00:00');

export function testContext(store: Store): { ctx: ActorContext; dispose: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hotich-blobs-'));
  const ctx: ActorContext = {
    config: loadConfig({ dataDir: path.join(dir, 'data') }),
    store,
    blobs: createLocalBlobStore(path.join(dir, 'blobs')),
    clock: () => TEST_NOW,
    log: silentLogger,
    actor: systemActor('test'),
  };
  return { ctx, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The context type tests hold (modules below auth, such as audit, name it from here). */
export type TestContext = ActorContext;
