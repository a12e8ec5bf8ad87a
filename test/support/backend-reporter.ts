/**
 * Prints, after the run, how many database tests ran on each backend and a
 * plain closing line "hotich: N passed, N failed, N skipped".
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class BackendReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const count = { pglite: 0, postgresql: 0 };
    const total = { passed: 0, failed: 0, skipped: 0 };
    for (const mod of modules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') total.passed++;
        else if (state === 'failed') total.failed++;
        else total.skipped++;
        if (state !== 'passed') continue;
        if (test.fullName.includes('[pglite]')) count.pglite++;
        if (test.fullName.includes('[postgresql]')) count.postgresql++;
      }
    }
    console.log(`\nDatabase tests passed: ${count.pglite} on PGlite, ${count.postgresql} on PostgreSQL`);
    console.log(`hotich: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  }
}
