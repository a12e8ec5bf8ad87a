/**
 * The backup's manifest.json: what the backup holds (format version, when,
 * which backend, rows per table, the audit heads, the blobs) and the size and
 * SHA-256 of every other file of the backup. Written last and atomically
 * (temp file + rename), so a backup cut short has no manifest, and a file
 * damaged later no longer matches it.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export const MANIFEST_NAME = 'manifest.json';
export const BACKUP_FORMAT = 'hotich-backup';
export const BACKUP_VERSION = 1;

const Sha = z.string().regex(/^[0-9a-f]{64}$/);
const FileEntry = z.object({ path: z.string().regex(/^[a-z0-9._-]+$/), size: z.number().int().min(0), sha256: Sha });
export type FileEntry = z.infer<typeof FileEntry>;

export const BackupManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  hotichVersion: z.string(),
  backend: z.enum(['pglite', 'postgresql']),
  database: z.object({ file: z.string(), pgSchema: z.string().nullable() }),
  counts: z.record(z.string(), z.number().int().min(0)),
  auditHeads: z.array(z.object({ chainId: z.string(), seq: z.string(), hash: Sha })),
  blobs: z.object({ list: z.string(), count: z.number().int().min(0), bytes: z.number().int().min(0) }),
  files: z.array(FileEntry),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function fileEntry(dir: string, name: string): Promise<FileEntry> {
  const file = path.join(dir, name);
  return { path: name, size: (await stat(file)).size, sha256: await sha256File(file) };
}

export async function writeManifest(dir: string, m: BackupManifest): Promise<void> {
  const temp = path.join(dir, `${MANIFEST_NAME}.tmp`);
  await writeFile(temp, `${JSON.stringify(m, null, 2)}\n`);
  await rename(temp, path.join(dir, MANIFEST_NAME));
}

/** The manifest as written, or why not (a Vietnamese sentence). */
export async function readManifest(dir: string): Promise<BackupManifest | string> {
  const text = await readFile(path.join(dir, MANIFEST_NAME), 'utf8').catch(() => undefined);
  if (text === undefined) return `không có tệp ${MANIFEST_NAME} trong "${dir}": bản sao lưu chưa hoàn tất hoặc không phải thư mục sao lưu của hotich`;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return `tệp ${MANIFEST_NAME} bị hỏng (không phải JSON hợp lệ)`;
  }
  const parsed = BackupManifest.safeParse(json);
  if (parsed.success) return parsed.data;
  const v = (json as { version?: unknown } | null)?.version;
  if (typeof v === 'number' && v !== BACKUP_VERSION) return `bản sao lưu theo định dạng phiên bản ${v}, phiên bản hotich này đọc được định dạng ${BACKUP_VERSION}`;
  return `tệp ${MANIFEST_NAME} không đúng định dạng (${parsed.error.issues[0]?.path.join('.') ?? ''})`;
}
