/**
 * The fresh-machine path: build, then `hotich serve` on the embedded database
 * answers /api/health and serves the web shell; `hotich migrate` and
 * `hotich validate` work from the built binary. The first run as `npm start`
 * makes it (bin/start.js after a build: the stamp says nothing changed):
 * the time to the first answer is printed, the logins are plain lines, and
 * the demo, made behind the running server, holds a book at every stage
 * (drafts, disagreements to arbitrate, a lot under review, accepted, exported
 * and signed off), with announced counts that agree with the API.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textJpeg } from '../support/scans.js';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/hotich.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string, seconds = 60): Promise<unknown> {
  for (let i = 0; i < seconds * 4; i++) {
    if (child.exitCode !== null) throw new Error(`hotich serve exited ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return res.json();
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no answer from ${url}:\n${log()}`);
}

async function waitFor(done: () => boolean, child: ChildProcess, log: () => string, seconds = 120): Promise<void> {
  for (let i = 0; i < seconds * 4; i++) {
    if (done()) return;
    if (child.exitCode !== null) throw new Error(`hotich exited ${child.exitCode}:\n${log()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out:\n${log()}`);
}

/** GET as a demo user (signed in with the demo password): the parsed JSON, or a failure naming the status. */
async function signedInFetch(base: string, login: string): Promise<(url: string) => Promise<unknown>> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: 'hotich-demo' }) });
  expect(res.status).toBe(200);
  const { token } = (await res.json()) as { token: string };
  return async (url) => {
    const r = await fetch(`${base}${url}`, { headers: { authorization: `Bearer ${token}` } });
    if (!r.ok) throw new Error(`${r.status} GET ${url}: ${await r.text()}`);
    return r.json();
  };
}

function runCli(args: string[]): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync('node', [bin, ...args], { cwd: root, encoding: 'utf8' }) };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, out: err.stdout + err.stderr };
  }
}

describe('built app', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hotich-e2e-'));
  let child: ChildProcess | undefined;
  let output = '';

  beforeAll(() => {
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe' });
  }, 180_000);
  afterAll(() => {
    child?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('hotich serve answers /api/health on the embedded database and serves the web app', async () => {
    const port = await freePort();
    const env = { ...process.env, DATABASE_URL: '' };
    child = spawn('node', [bin, 'serve', '--port', String(port), '--data', dataDir], { cwd: root, env });
    child.stdout?.on('data', (d) => (output += String(d)));
    child.stderr?.on('data', (d) => (output += String(d)));
    const health = await waitForHealth(`http://127.0.0.1:${port}/api/health`, child, () => output);
    expect(health).toMatchObject({ status: 'ok', database: 'pglite' });
    const page = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    expect(page).toContain('<div id="root">');
    expect(output).toContain(`http://localhost:${port}/`);
  }, 120_000);

  it('npm start (bin/start.js) skips the build, answers, prints the time and the logins; the demo holds every stage', async () => {
    child?.kill('SIGTERM');
    const port = await freePort();
    const env = { ...process.env, DATABASE_URL: '' };
    const first = spawn('node', [path.join(root, 'bin/start.js'), '--port', String(port), '--data', path.join(dataDir, 'first-run')], { cwd: root, env });
    child = first;
    let log = '';
    first.stdout?.on('data', (d) => (log += String(d)));
    first.stderr?.on('data', (d) => (log += String(d)));
    const base = `http://127.0.0.1:${port}`;
    // A first run migrates a new database and loads the unit lists: slower than a restart on a busy machine.
    await waitForHealth(`${base}/api/health`, first, () => log, 300);
    await waitFor(
      () => /Sẵn sàng trả lời sau (\d+,\d) giây/.test(log),
      first,
      () => log,
    );
    const ready = Number(/Sẵn sàng trả lời sau (\d+,\d) giây/.exec(log)![1]!.replace(',', '.'));
    console.log(`first answer after ${ready} s (npm start, build skipped)`);
    expect(log).toContain('bỏ qua bước biên dịch');
    expect(log).toMatch(/^ {2}sotuphap +Cán bộ Sở Tư pháp/m);
    expect(log).not.toMatch(/\{|\[object|Deprecation|Warning/);
    await waitFor(
      () => log.includes('Dữ liệu minh họa đã sẵn sàng'),
      first,
      () => log,
      600,
    );
    const announced =
      /Dữ liệu minh họa đã sẵn sàng: (\d+) quyển sổ, (\d+) trang ảnh, (\d+) việc đăng ký đã nhập liệu \((\d+) đã hoàn thành, (\d+) đang nhập\), \d+ lần nhập độc lập, (\d+) chỗ khác nhau chờ trọng tài, (\d+) lô đã nghiệm thu, (\d+) lô đang kiểm tra mẫu, (\d+) lần xuất dữ liệu \((\d+) đã ký duyệt\)/.exec(
        log,
      );
    expect(announced, log).not.toBeNull();
    const [books, pages, regs, completed, drafts, open, accepted, sampling, exportsMade, signed] = announced!.slice(1).map(Number) as number[];
    expect([books, accepted, sampling, exportsMade, signed]).toEqual([6, 2, 1, 1, 1]);
    expect(open).toBeGreaterThan(0);
    expect(drafts).toBeGreaterThan(0);

    const api = await signedInFetch(base, 'sotuphap');
    const list = ((await api('/api/books?limit=200')) as { items: { id: string; title: string; progress: { pagesScanned: number; recordsKeyed: number; recordsCompleted: number } }[] }).items;
    expect(list).toHaveLength(books!);
    const sum = (k: 'pagesScanned' | 'recordsKeyed' | 'recordsCompleted') => list.reduce((n, b) => n + b.progress[k], 0);
    expect([sum('pagesScanned'), sum('recordsKeyed'), sum('recordsCompleted')]).toEqual([pages, regs, completed]);
    const ks1985 = list.find((b) => b.title === 'Sổ đăng ký khai sinh 01/1985')!;
    const exported = (await api(`/api/books/${ks1985.id}/exports`)) as { signedOff: unknown }[];
    expect(exported).toHaveLength(1);
    expect(exported[0]!.signedOff).toBeTruthy();
    const lots = (await api('/api/qc/lots')) as { status: string }[];
    expect(lots.map((l) => l.status).sort()).toEqual(['accepted', 'accepted', 'sampling']);
    const reviewer = await signedInFetch(base, 'kiemtra');
    const next = (await reviewer('/api/qc/arbitration/next')) as { remaining: number };
    expect(next.remaining).toBe(open);
    first.kill('SIGTERM');
  }, 900_000);

  it('hotich migrate reports an up-to-date database', () => {
    child?.kill('SIGTERM');
    const { code, out } = runCli(['migrate', '--data', path.join(dataDir, 'second')]);
    expect(code).toBe(0);
    expect(out).toContain('Đã áp dụng');
  }, 60_000);

  it('hotich validate prints findings and exits 1 on an ERROR, 2 on unreadable input', () => {
    const file = path.join(dataDir, 'record.json');
    writeFileSync(file, JSON.stringify({ so: '1', nksGioiTinh: '9' }));
    const bad = runCli(['validate', 'KS', file, '--json', '--today', '2026-11-25']);
    expect(bad.code).toBe(1);
    const report = JSON.parse(bad.out) as { template: string; findings: { path: string; code: string }[] };
    expect(report.template).toBe('KS-70');
    expect(report.findings).toContainEqual(expect.objectContaining({ path: 'nksGioiTinh', code: 'code.invalid' }));
    writeFileSync(file, '{ not json');
    const broken = runCli(['validate', 'KS', file]);
    expect(broken.code).toBe(2);
    expect(broken.out).toContain('không phải JSON hợp lệ');
    expect(runCli(['validate', 'XX', file]).out).toContain('Loại sổ "XX"');
  }, 60_000);

  it('hotich units resolve prints the JSON resolution; units import refuses a bad file in Vietnamese', () => {
    const dir = path.join(dataDir, 'units');
    const { code, out } = runCli(['units', 'resolve', 'P. Bến Nghé, Q.1, TP.HCM', '--as-of', '2010', '--data', dir]);
    expect(code).toBe(0);
    const json = out.slice(out.indexOf('{'));
    const res = JSON.parse(json) as {
      input: string;
      status: string;
      candidates: { code: string; name: string; path: string; level: string; successors: unknown[]; confidence: number; why: string }[];
    };
    expect(res).toMatchObject({ input: 'P. Bến Nghé, Q.1, TP.HCM', status: 'resolved' });
    expect(res.candidates[0]).toMatchObject({ name: 'Phường Bến Nghé', level: 'commune' });
    expect(Object.keys(res.candidates[0]!)).toEqual(expect.arrayContaining(['code', 'name', 'path', 'level', 'successors', 'confidence', 'why']));
    const bad = path.join(dataDir, 'list.csv');
    writeFileSync(bad, 'a,b\n1,2\n');
    const refused = runCli(['units', 'import', bad, '--data', dir]);
    expect(refused.code).toBe(2);
    expect(refused.out).toContain('list.csv');
  }, 120_000);

  it('hotich books add and hotich ingest --json; a killed ingest resumes with no page lost or doubled', async () => {
    const dir = path.join(dataDir, 'ingest');
    const scans = path.join(dataDir, 'scans');
    mkdirSync(scans, { recursive: true });
    for (let i = 1; i <= 8; i++) writeFileSync(path.join(scans, `trang-${String(i).padStart(3, '0')}.jpg`), await textJpeg(2480, 3508, 40, i));
    const added = runCli(['books', 'add', '--type', 'KS', '--authority', 'UBND xã An Nhơn, huyện Đạ Tẻh, tỉnh Lâm Đồng', '--year', '2008', '--quyen', '02/2008', '--data', dir, '--json']);
    expect(added.code).toBe(0);
    const book = JSON.parse(added.out.slice(added.out.indexOf('{'))) as { id: string; templateId: string };
    expect(book.templateId).toBe('KS-70');

    // First run: killed (SIGKILL) right after the first file is stored.
    const child = spawn('node', [bin, 'ingest', scans, '--book', book.id, '--data', dir], { cwd: root });
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (d) => {
        if (String(d).includes('ingest.file_done')) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    // Second run: finishes; whatever the first run stored comes back as duplicates.
    const second = runCli(['ingest', scans, '--book', book.id, '--data', dir, '--json']);
    expect(second.code).toBe(0);
    const summary = JSON.parse(second.out.slice(second.out.indexOf('{'))) as { files: { pages: { seq: number }[] }[]; duplicates: { pages: number[] }[]; rejected: unknown[] };
    expect(summary.rejected).toEqual([]);
    expect(summary.duplicates.length).toBeGreaterThanOrEqual(1);
    const seqs = [...summary.duplicates.flatMap((d) => d.pages), ...summary.files.flatMap((f) => f.pages.map((p) => p.seq))].sort((a, b) => a - b);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  }, 180_000);
});
