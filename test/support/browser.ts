/**
 * Browser tests: the app built into its own folder (parallel tests each
 * build; a production build, as shipped: web-build.ts), on an in-memory PGlite with a temporary data folder, listening on
 * 127.0.0.1, and Debian's Chromium driven by playwright-core.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createLocalBlobStore } from '../../src/blobs/index.js';
import { systemActor, type ActorContext } from '../../src/auth/index.js';
import { loadConfig, silentLogger } from '../../src/core/index.js';
import { buildApp } from '../../src/server/index.js';
import { migrate, openStore } from '../../src/store/index.js';
import { buildWeb } from './web-build.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserApp {
  ctx: ActorContext;
  app: FastifyInstance;
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Builds the web app, opens the database, lets `seed` fill it, then starts the server and the browser. */
export async function startBrowserApp(seed: (ctx: ActorContext) => Promise<void>): Promise<BrowserApp> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hotich-browser-'));
  const webRoot = path.join(dir, 'web');
  buildWeb(webRoot);
  const store = await openStore({});
  await migrate(store.db);
  const ctx: ActorContext = {
    config: loadConfig({ dataDir: dir }),
    store,
    blobs: createLocalBlobStore(path.join(dir, 'blobs')),
    clock: () => new Date(),
    log: silentLogger,
    actor: systemActor('test'),
  };
  await seed(ctx);
  const app = await buildApp(ctx, { webRoot, worker: true });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  return {
    ctx,
    app,
    base,
    browser,
    async close() {
      await browser.close();
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface SignInOptions {
  viewport?: { width: number; height: number };
  acceptDownloads?: boolean;
}

/** Opens a new page (in its own context) on the app, signs in through the login form and waits for the navigation bar. */
export async function signIn(t: BrowserApp, login: string, password: string, opts: SignInOptions = {}): Promise<Page> {
  const context = await t.browser.newContext({ viewport: opts.viewport ?? { width: 1366, height: 768 }, acceptDownloads: opts.acceptDownloads ?? false });
  const page = await context.newPage();
  await page.goto(t.base);
  await page.getByLabel('Tên đăng nhập').fill(login);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('navigation', { name: 'Điều hướng' }).waitFor();
  return page;
}
