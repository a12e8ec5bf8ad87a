/** `hotich migrate`: apply pending migrations and report them. */
import { loadConfig } from '../core/index.js';
import { openContext } from './open-context.js';

export async function migrateCommand(opts: { data?: string }): Promise<void> {
  const opened = await openContext(loadConfig({ dataDir: opts.data }));
  try {
    const { applied, alreadyApplied } = opened.migrations;
    console.log(applied.length ? `Đã áp dụng ${applied.length} bước nâng cấp: ${applied.join(', ')}.` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.');
    console.log(`Tổng số bước đã áp dụng: ${applied.length + alreadyApplied.length}.`);
  } finally {
    await opened.close();
  }
}
