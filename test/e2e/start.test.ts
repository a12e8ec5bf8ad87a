/**
 * The fresh-machine path: build, then `hotich serve` on the embedded database
 * answers /api/health and serves the web shell; `hotich migrate` and
 * `hotich validate` work from the built binary.
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

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<unknown> {
  for (let i = 0; i < 240; i++) {
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
    const res = JSON.parse(json) as { input: string; status: string; candidates: { code: string; name: string; path: string; level: string; successors: unknown[]; confidence: number; why: string }[] };
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
