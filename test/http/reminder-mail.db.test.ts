/**
 * Reminders by e-mail, on both backends, against a real SMTP server started
 * here (smtp-server): without HOTICH_SMTP_URL the reminders say so in
 * Vietnamese and sending is refused before any job; with it, the
 * 'plans.reminders' job queues one message per responsible organization with
 * an address (the others are named as skipped), and the 'plans.reminder.mail'
 * job delivers it: recipient, subject and Vietnamese body (who, package and
 * stage, deadline, link) checked on the message the server received. A send
 * the server refuses is retried with backoff (last_error kept), not lost.
 */
import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOrganization } from '../../src/auth/index.js';
import { addPackage, createCampaign, listReminders, MAIL_NOT_CONFIGURED, startReminderMail } from '../../src/plans/index.js';
import { runJobs } from '../../src/server/index.js';
import { describeBackends } from '../support/backends.js';
import { testContext, TEST_NOW, type TestContext } from '../support/context.js';
import { insertBook, insertPlanUnits, UNITS } from '../support/plan-world.js';

interface Received {
  to: string[];
  subject: string;
  text: string;
  from: string;
}

function startSmtp(): Promise<{ server: SMTPServer; port: number; received: Received[]; refuseNext: { n: number } }> {
  const received: Received[] = [];
  const refuseNext = { n: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refuseNext.n > 0) {
          refuseNext.n--;
          const err = new Error('Hộp thư tạm thời bận') as Error & { responseCode: number };
          err.responseCode = 451;
          callback(err);
          return;
        }
        simpleParser(Buffer.concat(chunks)).then(
          (m) => {
            received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: m.subject ?? '', text: m.text ?? '', from: m.from?.text ?? '' });
            callback();
          },
          (e: Error) => callback(e),
        );
      });
    },
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.server.address() as AddressInfo).port, received, refuseNext })));
}

describeBackends('reminders by e-mail', (store) => {
  let ctx: TestContext;
  let mailCtx: TestContext;
  let dispose: () => void;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let campaignId: string;
  let now = TEST_NOW;
  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    smtp = await startSmtp();
    mailCtx = { ...ctx, clock: () => now, config: { ...ctx.config, publicUrl: 'https://hotich.stp.test', mail: { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: 'Sở Tư pháp <stp@stp.test>' } } };
    await insertPlanUnits(ctx);
    await insertBook(ctx, { unit: UNITS.a, year: 2001, day: '2026-11-01', pages: 100, declared: 80 });
    const contractor = (await createOrganization(ctx, { name: 'Công ty Số Hóa Thử', kind: 'contractor' })).id;
    const commune = (await createOrganization(ctx, { name: 'UBND xã Thử A', kind: 'ubnd_xa' })).id;
    campaignId = (await createCampaign(ctx, { name: 'Kế hoạch nhắc việc', unitId: UNITS.province })).id;
    await addPackage(ctx, campaignId, {
      unitId: UNITS.a,
      registerTypes: ['KS'],
      yearFrom: 2000,
      yearTo: 2010,
      stages: [
        { stage: 'key1', deadline: '2026-11-20', organizationId: commune, person: 'Trần Thị Bình' },
        { stage: 'scan', deadline: '2026-11-28', organizationId: contractor, person: 'Nguyễn Văn An <An.Nguyen@sohoa.test>' },
      ],
    });
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
    dispose();
  });

  it('without SMTP: the reminders say no e-mail is sent, and sending is refused before any job', async () => {
    const r = await listReminders(ctx, { days: 7, campaignId });
    expect(r.mail).toEqual({ configured: false, message: MAIL_NOT_CONFIGURED });
    expect(r.mail.message).toMatch(/Chưa cấu hình máy chủ thư/);
    await expect(startReminderMail(ctx, { days: 7, campaignId })).rejects.toMatchObject({ code: 'mail.not_configured' });
    expect(await ctx.store.db.selectFrom('jobs').select('id').where('kind', 'like', 'plans.remind%').execute()).toEqual([]);
    expect((await listReminders(mailCtx, { days: 7, campaignId })).mail).toEqual({ configured: true });
  });

  it('sends one Vietnamese message per organization with an address, retries a refused send, and names the organization without one', async () => {
    smtp.refuseNext.n = 1;
    const { jobId } = await startReminderMail(mailCtx, { days: 7, campaignId });
    await runJobs(mailCtx);
    const plan = await ctx.store.db.selectFrom('jobs').select(['status', 'result']).where('id', '=', jobId).executeTakeFirstOrThrow();
    expect(plan.status).toBe('done');
    const result = plan.result as { queued: { organizationName: string; to: string[]; jobId: string }[]; skipped: { organizationName: string }[] };
    expect(result.queued.map((q) => [q.organizationName, q.to])).toEqual([['Công ty Số Hóa Thử', ['an.nguyen@sohoa.test']]]);
    expect(result.skipped.map((s) => s.organizationName)).toEqual(['UBND xã Thử A']);
    const mailJob = () => ctx.store.db.selectFrom('jobs').select(['status', 'attempts', 'last_error', 'result']).where('id', '=', result.queued[0]!.jobId).executeTakeFirstOrThrow();
    expect(smtp.received).toEqual([]);
    expect(await mailJob()).toMatchObject({ status: 'queued', attempts: 1 });
    expect((await mailJob()).last_error).toMatch(/451/);

    now = new Date(TEST_NOW.getTime() + 60_000);
    await runJobs(mailCtx);
    expect(await mailJob()).toMatchObject({ status: 'done', attempts: 2 });
    expect(smtp.received).toHaveLength(1);
    const m = smtp.received[0]!;
    expect(m.to).toEqual(['an.nguyen@sohoa.test']);
    expect(m.from).toContain('stp@stp.test');
    expect(m.subject).toBe('[hotich] Nhắc việc số hóa sổ hộ tịch: 0 việc quá hạn, 1 việc sắp đến hạn — Công ty Số Hóa Thử');
    expect(m.text).toContain('Kính gửi: Công ty Số Hóa Thử');
    expect(m.text).toContain('tính đến ngày 25/11/2026');
    expect(m.text).toMatch(/1\. Xã Thử A — Quét\/chụp: thời hạn 28\/11\/2026, còn 3 ngày/);
    expect(m.text).toContain('Người chịu trách nhiệm: Nguyễn Văn An <An.Nguyen@sohoa.test>');
    expect(m.text).toContain(`https://hotich.stp.test/#/plans?unit=${encodeURIComponent(UNITS.a)}`);
    expect(m.text).not.toContain('Trần Thị Bình');
  });
});
