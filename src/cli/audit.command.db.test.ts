/**
 * `hotich audit` in-process against a whole instance of each backend (a data
 * folder; on PostgreSQL a database of its own): an intact chain verifies
 * (exit 0); after a row of entity_actions is edited directly in SQL,
 * `audit verify` exits 1 and names the row, in text and in JSON; `audit head`
 * prints the heads in the form `--expect` takes back; `audit checkpoint`
 * stores the day's heads and prints a summary (every book chain with
 * --verbose); a malformed --expect is refused in Vietnamese.
 */
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { BACKENDS } from '../../test/support/backends.js';
import { runHotich, scratchInstance, type ScratchInstance } from '../../test/support/scratch-instance.js';
import { appendEntityAction, logAccess, type VerifyReport } from '../audit/index.js';
import { loadConfig } from '../core/index.js';
import { openStore, sql } from '../store/index.js';
import { openContext } from './open-context.js';

const hotich = runHotich;

for (const backend of BACKENDS) {
  const skip = backend === 'postgresql' && inject('postgresProblem') !== '';
  (skip ? describe.skip : describe)(`hotich audit [${backend}]`, () => {
    let inst: ScratchInstance;
    let edited = '';
    beforeAll(async () => {
      inst = await scratchInstance(backend, 'hotich-audit-cli-');
      vi.stubEnv('DATABASE_URL', inst.env.DATABASE_URL);
      const opened = await openContext(loadConfig({ dataDir: inst.dataDir, databaseUrl: inst.databaseUrl }));
      const db = opened.ctx.store.db;
      for (const kind of ['created', 'changed', 'status']) await appendEntityAction(db, { entityType: 'user', entityId: 'u1', kind, actorId: null, payload: { kind } });
      await logAccess(db, { actorId: null, action: 'search', entityType: 'search', entityId: 'q', ip: '10.1.1.1' });
      edited = (await db.selectFrom('entity_actions').select('id').where('kind', '=', 'changed').executeTakeFirstOrThrow()).id;
      await opened.close();
    }, 60_000);
    afterAll(async () => {
      vi.unstubAllEnvs();
      await inst.dispose();
    });
    afterEach(() => vi.restoreAllMocks());

    it('verifies an intact chain and prints the heads to publish', async () => {
      const ok = await hotich(inst, 'audit', 'verify');
      expect(ok.code).toBe(0);
      expect(ok.out).toContain('✓ Chuỗi "actions"');
      expect(ok.out).toContain('Kết quả: mọi chuỗi kiểm toán toàn vẹn.');
      const head = await hotich(inst, 'audit', 'head');
      expect(head.out).toMatch(/^access:1:[0-9a-f]{64} {2}\(1 dòng; dòng cuối: access_log #1;/m);
      const actions = /^actions:3:[0-9a-f]{64}/m.exec(head.out)![0];
      expect((await hotich(inst, 'audit', 'verify', '--expect', actions)).code).toBe(0);
      const cp = await hotich(inst, 'audit', 'checkpoint', '--json');
      expect((JSON.parse(cp.out) as { checkpoints: { chainId: string; seq: string }[] }).checkpoints.map((c) => [c.chainId, c.seq])).toEqual([
        ['access', '1'],
        ['actions', '3'],
      ]);
    });

    it('exits 1 and names the row edited directly in the database', async () => {
      const store = await openStore({ databaseUrl: inst.databaseUrl, pgliteDir: path.join(inst.dataDir, 'pglite') });
      await store.db.transaction().execute(async (tx) => {
        await sql`set local session_replication_role = replica`.execute(tx);
        await sql`update entity_actions set payload = '{"kind": "deleted"}' where id = ${edited}`.execute(tx);
      });
      await store.close();
      const broken = await hotich(inst, 'audit', 'verify');
      expect(broken.code).toBe(1);
      expect(broken.out).toContain(
        `✗ Chuỗi "actions" (thao tác ghi (bản ghi, quyển sổ, trang, kiểm tra chất lượng, xuất, người dùng, phân quyền): dòng không thuộc quyển sổ nào, và mọi dòng ghi trước khi tách chuỗi theo quyển sổ): HỎNG sau 1 dòng đúng.`,
      );
      expect(broken.out).toContain(`dòng entity_actions #${edited} (số thứ tự 2) đã bị sửa trực tiếp trong cơ sở dữ liệu`);
      expect(broken.out).toContain('✓ Chuỗi "access"');
      const json = await hotich(inst, 'audit', 'verify', '--json');
      expect(json.code).toBe(1);
      const report = JSON.parse(json.out) as VerifyReport;
      expect(report.chains[0]!.problem).toMatchObject({ kind: 'hash_mismatch', table: 'entity_actions', id: edited, seq: '2' });
    });

    it('prints a summary of the checkpoint by default, every book chain with --verbose', async () => {
      const store = await openStore({ databaseUrl: inst.databaseUrl, pgliteDir: path.join(inst.dataDir, 'pglite') });
      const book = await store.db
        .insertInto('books')
        .values({ register_type: 'KS', template_version: 'KS-70', authority_text: 'UBND xã An Nhơn, huyện Đạ Tẻh, tỉnh Lâm Đồng', year_from: 2008, volume_no: '01/2008' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendEntityAction(store.db, { entityType: 'book', entityId: book.id, bookId: book.id, kind: 'created', actorId: null });
      await logAccess(store.db, { actorId: null, action: 'record.view', entityType: 'book', entityId: book.id, bookId: book.id });
      await store.close();
      const summary = await hotich(inst, 'audit', 'checkpoint');
      expect(summary.code).toBe(0);
      expect(summary.out).toMatch(/^Điểm mốc ngày \d{4}-\d{2}-\d{2}: 4 chuỗi — 2 chuỗi gốc, 2 chuỗi của quyển sổ đã thay đổi từ điểm mốc trước \(1 thao tác ghi, 1 truy cập\)\.$/m);
      expect(summary.out).toMatch(/^Điểm mốc ngày [\d-]+: actions:3:[0-9a-f]{64} /m);
      expect(summary.out).toContain('Chi tiết 2 chuỗi của quyển sổ: thêm --verbose (hoặc --json).');
      expect(summary.out).not.toContain(book.id);
      const verbose = await hotich(inst, 'audit', 'checkpoint', '--verbose');
      expect(verbose.out).toMatch(new RegExp(`^Điểm mốc ngày [\\d-]+: actions:${book.id}:1:[0-9a-f]{64} `, 'm'));
      expect(verbose.out).toMatch(new RegExp(`^Điểm mốc ngày [\\d-]+: access:${book.id}:1:[0-9a-f]{64} `, 'm'));
      expect(verbose.out).not.toContain('--verbose');
    });

    it('refuses a malformed published head', async () => {
      const bad = await hotich(inst, 'audit', 'verify', '--expect', 'actions:3:xyz');
      expect(bad.code).toBe(2);
      expect(bad.out).toContain('Lỗi: Đầu chuỗi "actions:3:xyz" không hợp lệ: cần dạng <chuỗi>:<số thứ tự>:<mã băm 64 ký tự hex>');
    });
  });
}
