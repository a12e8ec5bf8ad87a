/**
 * The fast lane (`npm run test:unit`): the tests that need neither a
 * database nor a browser nor a built app (no *.db.test.ts, test/http,
 * test/browser, test/e2e; no scratch instance), so no global setup either.
 * `npm test` still runs everything.
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    globalSetup: [],
    reporters: ['default'],
    exclude: ['node_modules', 'dist', '**/*.db.test.ts', 'test/http/**', 'test/browser/**', 'test/e2e/**'],
  },
});
