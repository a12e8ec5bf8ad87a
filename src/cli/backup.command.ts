/**
 * `hotich backup --out <dir>`: the database (pg_dump, or the embedded
 * store's own dump — stop the server first), every blob, and a manifest of
 * counts, checksums and audit heads. `hotich restore <dir>`: into an EMPTY
 * instance only (the data folder / DATABASE_URL of the configuration); a
 * damaged or partial backup is refused before anything is touched (exit 2);
 * after restoring, counts and audit heads are compared with the manifest and
 * the chains verified (exit 1 when they differ). Progress on stderr.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { createBackup, restoreBackup, type BackupManifest, type BackupStep, type DatabaseTarget, type RestoreReport, type RestoreStep } from '../audit/index.js';
import { blobStoreFromConfig } from '../blobs/index.js';
import { loadConfig, type AppConfig } from '../core/index.js';
import { withContext } from './open-context.js';
import { verifyText } from './audit.command.js';

const n = (v: number): string => v.toLocaleString('vi-VN');
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
const seconds = (started: number): string => ((performance.now() - started) / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
const BACKENDS = { pglite: 'cơ sở dữ liệu nhúng (PGlite)', postgresql: 'PostgreSQL' } as const;

const STEPS: Record<BackupStep | RestoreStep, string> = {
  check: 'kiểm tra bản sao lưu',
  database: 'cơ sở dữ liệu',
  blobs: 'tệp lưu trữ',
  manifest: 'bảng kê',
  compare: 'đối chiếu với bảng kê',
};
function progressLine(step: BackupStep | RestoreStep, done?: number): void {
  if (done === undefined || done === 0 || done % 500 === 0) process.stderr.write(`${STEPS[step]}${done ? `: ${n(done)}` : ''}…\n`);
}

export function manifestText(m: BackupManifest): string[] {
  const db = m.files.find((f) => f.path === m.database.file);
  const c = (t: string) => n(m.counts[t] ?? 0);
  return [
    `  ${BACKENDS[m.backend]}: ${m.database.file} (${mb(db?.size ?? 0)}); ${n(m.blobs.count)} tệp lưu trữ (${mb(m.blobs.bytes)}).`,
    `  Quyển sổ: ${c('books')}, trang: ${c('pages')}, bản ghi: ${c('records')}, thao tác bản ghi: ${c('record_actions')}, thao tác khác: ${c('entity_actions')}, lượt truy cập: ${c('access_log')}.`,
    `  Đầu chuỗi kiểm toán: ${m.auditHeads.map((h) => `${h.chainId}:${h.seq}:${h.hash}`).join('  ')}`,
  ];
}

export function restoreText(r: RestoreReport): string[] {
  const lines = [
    r.countMismatches.length === 0
      ? `✓ Số dòng của cả ${n(Object.keys(r.manifest.counts).length)} bảng khớp bảng kê.`
      : `✗ Số dòng khác bảng kê: ${r.countMismatches.map((x) => `${x.table} ${x.actual ?? 'không có'} ≠ ${x.expected}`).join('; ')}.`,
    r.headsMatch ? '✓ Đầu chuỗi kiểm toán khớp bảng kê.' : '✗ Đầu chuỗi kiểm toán KHÁC bảng kê.',
    ...verifyText(r.verify),
  ];
  return lines;
}

function restoreTarget(config: AppConfig): DatabaseTarget {
  return config.databaseUrl ? { backend: 'postgresql', url: config.databaseUrl } : { backend: 'pglite', dir: path.join(config.dataDir, 'pglite') };
}

export function backupCommands(program: Command): void {
  program
    .command('backup')
    .description('sao lưu cơ sở dữ liệu và mọi tệp lưu trữ (ảnh quét, tệp xuất) vào một thư mục mới, kèm bảng kê manifest.json')
    .requiredOption('-o, --out <dir>', 'thư mục sao lưu (mới hoặc trống)')
    .option('--link-from <dir>', 'bản sao lưu trước (cùng ổ đĩa): tệp lưu trữ đã có ở đó được liên kết cứng thay vì chép lại')
    .option('-d, --data <dir>', 'thư mục dữ liệu (hoặc biến HOTICH_DATA)')
    .option('--json', 'in bảng kê dạng JSON')
    .action((o: { out: string; linkFrom?: string; data?: string; json?: boolean }) =>
      withContext(o.data, async (ctx) => {
        const started = performance.now();
        const m = await createBackup(ctx, o.out, progressLine, { linkFrom: o.linkFrom });
        if (o.json) return console.log(JSON.stringify(m, null, 2));
        console.log([`Đã sao lưu vào ${path.resolve(o.out)} trong ${seconds(started)} giây.`, ...manifestText(m)].join('\n'));
      }),
    );
  program
    .command('restore <dir>')
    .description('khôi phục một bản sao lưu vào nơi lưu trữ TRỐNG; bản sao lưu hỏng hoặc thiếu bị từ chối mà không thay đổi gì')
    .option('-d, --data <dir>', 'thư mục dữ liệu (hoặc biến HOTICH_DATA)')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (dir: string, o: { data?: string; json?: boolean }) => {
      const config = loadConfig({ dataDir: o.data });
      const started = performance.now();
      const blobs = blobStoreFromConfig({ dataDir: config.dataDir, ...(config.s3 ? { s3: config.s3 } : {}) });
      const r = await restoreBackup(dir, { database: restoreTarget(config), blobs }, progressLine);
      console.log(o.json ? JSON.stringify(r, null, 2) : [`Đã khôi phục từ ${path.resolve(dir)} trong ${seconds(started)} giây.`, ...manifestText(r.manifest), ...restoreText(r)].join('\n'));
      process.exitCode = r.ok ? 0 : 1;
    });
}
