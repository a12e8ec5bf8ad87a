/**
 * `hotich backup` and `hotich restore` in-process between two whole instances
 * of each backend (data folders; on PostgreSQL databases of their own): the
 * restored instance prints the same audit heads; a truncated backup is
 * refused with exit 2 and a Vietnamese reason; a non-empty target too.
 */
import { cp, truncate, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { BACKENDS } from '../../test/support/backends.js';
import { runHotich, scratchInstance, type ScratchInstance } from '../../test/support/scratch-instance.js';
import { appendEntityAction, logAccess } from '../audit/index.js';
import { loadConfig } from '../core/index.js';
import { openContext } from './open-context.js';

const hotich = runHotich;

for (const backend of BACKENDS) {
  const skip = backend === 'postgresql' && inject('postgresProblem') !== '';
  (skip ? describe.skip : describe)(`hotich backup / restore [${backend}]`, () => {
    let source: ScratchInstance;
    let target: ScratchInstance;
    let spare: ScratchInstance;
    const out = () => path.join(path.dirname(source.dataDir), 'sao-luu');

    beforeAll(async () => {
      [source, target, spare] = (await Promise.all([0, 1, 2].map(() => scratchInstance(backend, 'hotich-backup-cli-')))) as [ScratchInstance, ScratchInstance, ScratchInstance];
      const opened = await openContext(loadConfig({ dataDir: source.dataDir, databaseUrl: source.databaseUrl }));
      const { db } = opened.ctx.store;
      for (const kind of ['created', 'changed']) await appendEntityAction(db, { entityType: 'user', entityId: 'u1', kind, actorId: null });
      await logAccess(db, { actorId: null, action: 'search', entityType: 'search', entityId: 'q' });
      for (const text of ['ảnh 1', 'ảnh 2', 'tệp xuất']) await opened.ctx.blobs.put(Buffer.from(text));
      await opened.close();
    }, 60_000);
    afterAll(async () => {
      vi.unstubAllEnvs();
      for (const i of [source, target, spare]) await i?.dispose();
    });
    afterEach(() => vi.restoreAllMocks());

    it('restores a backup into an empty instance with the same audit heads', async () => {
      const b = await hotich(source, 'backup', '--out', out());
      expect(b.code).toBe(0);
      expect(b.out).toContain(`Đã sao lưu vào ${out()} trong`);
      expect(b.out).toContain('3 tệp lưu trữ');
      const r = await hotich(target, 'restore', out());
      expect(r.out).toContain('✓ Số dòng của cả');
      expect(r.out).toContain('✓ Đầu chuỗi kiểm toán khớp bảng kê.');
      expect(r.out).toContain('Kết quả: mọi chuỗi kiểm toán toàn vẹn.');
      expect(r.code).toBe(0);
      const heads = (await hotich(source, 'audit', 'head', '--json')).out;
      expect((await hotich(target, 'audit', 'head', '--json')).out.replace(/"updatedAt": "[^"]+"/g, '')).toBe(heads.replace(/"updatedAt": "[^"]+"/g, ''));
      const again = await hotich(target, 'restore', out());
      expect(again.code).toBe(2);
      expect(again.out).toMatch(/^Lỗi: Không khôi phục: .*đã có .*Chưa thay đổi gì\.$/);
    }, 120_000);

    it('refuses a truncated backup and leaves the target untouched', async () => {
      const cut = `${out()}-cut`;
      await cp(out(), cut, { recursive: true });
      const file = (await readdir(cut)).find((f) => f.startsWith('database.'))!;
      await truncate(path.join(cut, file), 100);
      const r = await hotich(spare, 'restore', cut);
      expect(r.code).toBe(2);
      expect(r.out).toMatch(
        new RegExp(`^Lỗi: Không khôi phục: tệp ${file.replace('.', '\\.')} có 100 byte, bảng kê ghi \\d+ byte \\(bị cắt cụt hoặc bị sửa\\)\\. Chưa thay đổi gì ở nơi khôi phục\\.$`),
      );
      expect(await readdir(path.dirname(spare.dataDir))).toEqual([]);
    }, 60_000);
  });
}
