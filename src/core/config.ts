/**
 * Configuration: the ONLY place in hotich that reads process.env.
 * Every other module receives what it needs through `ctx` or arguments.
 */
import os from 'node:os';
import path from 'node:path';
import { LOG_LEVELS, type LogFormat, type LogLevel } from './logger.js';

export const DEFAULT_PORT = 8080;

export interface AppConfig {
  /** Folder for the embedded database and blobs (HOTICH_DATA, default ./data). */
  dataDir: string;
  /** PostgreSQL connection string; when absent the embedded PGlite is used. */
  databaseUrl: string | undefined;
  /**
   * A streaming read replica of that PostgreSQL (DATABASE_READ_URL): search,
   * dashboards and reports read there, unless the reader's own last write is
   * not replayed yet or the replica lags more than replicaMaxLagMs
   * (HOTICH_REPLICA_MAX_LAG_MS, default 5000) or does not answer (src/store replica.ts).
   */
  databaseReadUrl: string | undefined;
  replicaMaxLagMs: number;
  /**
   * Where unfinished resumable uploads wait (HOTICH_UPLOADS_DIR, default
   * <dataDir>/uploads): every web process of one installation must see the
   * same folder (a shared disk) so an upload begun on one is finished on another.
   */
  uploadsDir: string;
  /** How long a job's lease lasts (HOTICH_JOB_LEASE_SECONDS, default 30): a dead worker's job is taken back after about 1,5 × this. */
  jobLeaseMs: number;
  port: number;
  host: string;
  /** True when running under CI (CI=true): missing services are failures, not skips. */
  ci: boolean;
  /** Connection string of the PostgreSQL used by the database tests. */
  testDatabaseUrl: string;
  /** Where the shared reference data lives (../shared), for tests and benchmarks. */
  sharedDir: string;
  /** S3-compatible blob storage (HOTICH_S3_BUCKET and friends); absent means the local folder <dataDir>/blobs. */
  s3: S3Config | undefined;
  /** Names of exported files (HOTICH_EXPORT_NAME_PATTERN), placeholders {commune} {type} {year} {volume}. */
  exportNamePattern: string;
  /** Casing of personal names in exported xlsx (HOTICH_EXPORT_NAME_CASE): title (default), upper, keep. */
  exportNameCase: NameCase;
  /**
   * When a keyer moves from double keying to sampled review (src/qc):
   * HOTICH_QC_PROMOTION_MIN_RECORDS (default 500) adjudicated records and a
   * 95 % upper bound of the field error rate at or below
   * HOTICH_QC_PROMOTION_CRITICAL (0.001) / HOTICH_QC_PROMOTION_OTHER (0.005).
   */
  qcPromotion: { minRecords: number; critical: number; other: number };
  /**
   * Which proxies may tell the client's address and scheme (X-Forwarded-For,
   * -Proto, -Host): HOTICH_TRUST_PROXY = true or a list of addresses/CIDR
   * ranges (or loopback, linklocal, uniquelocal). Default false: the headers are ignored.
   */
  trustProxy: TrustProxy;
  /** Sessions and sign-in throttling (HOTICH_SESSION_*, HOTICH_LOGIN_*). */
  auth: AuthConfig;
  /** The address citizens reach this installation at (HOTICH_PUBLIC_URL), printed in the QR code of certified copies; default http://localhost:<port>. */
  publicUrl: string;
  /** Fee per certified copy in đồng (HOTICH_EXTRACT_FEE, default 8000: TT 281/2016/TT-BTC). */
  extractFee: number;
  /** PAdES signature of certified copies: a PKCS#12 file (HOTICH_SIGN_P12) and its passphrase (HOTICH_SIGN_P12_PASSWORD); absent: copies are not signed digitally. */
  signing: { p12Path: string; passphrase: string } | undefined;
  /** The memory budget and threads of scan ingest (HOTICH_INGEST_*). */
  ingest: IngestConfig;
  /** E-mail of reminders (HOTICH_SMTP_URL, HOTICH_MAIL_FROM); absent: no mail is sent, reminders are only shown. */
  mail: MailConfig | undefined;
  /** The log (logger.ts): HOTICH_LOG_LEVEL (default info) and HOTICH_LOG_FORMAT (text, the default, or json). */
  log: { level: LogLevel; format: LogFormat };
}

export interface MailConfig {
  /** e.g. smtp://user:pass@mail.example.vn:587 or smtps://…:465 (nodemailer's connection URL). */
  smtpUrl: string;
  /** The sender, e.g. "Sở Tư pháp <sotuphap@example.vn>" (default hotich <no-reply@localhost>). */
  from: string;
}

export const DEFAULT_MAIL_FROM = 'hotich <no-reply@localhost>';

/** HOTICH_SMTP_URL must be an smtp:// or smtps:// URL; unset or empty means no mail. */
export function mailFromEnv(env: NodeJS.ProcessEnv): MailConfig | undefined {
  const url = (env.HOTICH_SMTP_URL ?? '').trim();
  if (!url) return undefined;
  if (!/^smtps?:\/\/[^\s]+$/i.test(url)) throw new Error(`HOTICH_SMTP_URL không hợp lệ: cần dạng smtp://máy-chủ:cổng hoặc smtps://người-dùng:mật-khẩu@máy-chủ:465.`);
  return { smtpUrl: url, from: (env.HOTICH_MAIL_FROM ?? '').trim() || DEFAULT_MAIL_FROM };
}

export interface IngestConfig {
  /**
   * Decoded megapixels in flight across ALL concurrent ingests of the app
   * (HOTICH_INGEST_MEGAPIXELS, default 150): a page waits until its pixels fit.
   * A decoded pixel costs about 1 byte (bilevel) to 8 bytes (PDF raster) of
   * memory, so 150 is roughly 0,2–1,2 GB at worst; one page larger than the
   * budget runs alone.
   */
  megapixelsInFlight: number;
  /** libvips threads per image for sharp (HOTICH_INGEST_THREADS, default: the number of cores). */
  threads: number;
}

export const DEFAULT_INGEST_MEGAPIXELS = 150;

export type TrustProxy = boolean | string[];

export interface AuthConfig {
  /** A session ends after this long without use (HOTICH_SESSION_IDLE_MINUTES, default 120). */
  sessionIdleMs: number;
  /** A session ends this long after sign-in, used or not (HOTICH_SESSION_MAX_HOURS, default 12). */
  sessionMaxMs: number;
  /** Failed sign-ins of one login within the window before it is locked (HOTICH_LOGIN_MAX_FAILURES, default 10). */
  loginMaxFailures: number;
  /** Failed sign-ins from one client address within the window, any login (HOTICH_LOGIN_MAX_FAILURES_PER_ADDRESS, default 30). */
  addressMaxFailures: number;
  /** The window (HOTICH_LOGIN_WINDOW_MINUTES, default 15). */
  loginWindowMs: number;
}

export const DEFAULT_AUTH_CONFIG: AuthConfig = {
  sessionIdleMs: 120 * 60_000,
  sessionMaxMs: 12 * 3600_000,
  loginMaxFailures: 10,
  addressMaxFailures: 30,
  loginWindowMs: 15 * 60_000,
};

export const DEFAULT_EXPORT_NAME_PATTERN = '{commune}_{type}_{year}_{volume}';
export const EXPORT_NAME_PLACEHOLDERS = ['commune', 'type', 'year', 'volume'] as const;
export const NAME_CASES = ['title', 'upper', 'keep'] as const;
export type NameCase = (typeof NAME_CASES)[number];

/** The pattern if valid (known placeholders only, at least one, no character a file name may not hold); else a Vietnamese Error. */
export function parseExportNamePattern(raw: string): string {
  const pattern = raw.trim().normalize('NFC');
  const bad = (why: string) => new Error(`Mẫu tên tệp xuất "${raw}" không hợp lệ: ${why}. Ví dụ hợp lệ: ${DEFAULT_EXPORT_NAME_PATTERN}`);
  const names = [...pattern.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!);
  const unknown = names.filter((n) => !(EXPORT_NAME_PLACEHOLDERS as readonly string[]).includes(n));
  if (unknown.length > 0) throw bad(`không có chỗ trống {${unknown[0]}} (chỉ dùng {commune}, {type}, {year}, {volume})`);
  if (names.length === 0) throw bad('cần ít nhất một chỗ trống như {commune} hoặc {volume}');
  const rest = pattern.replace(/\{[^{}]*\}/g, '');
  // eslint-disable-next-line no-control-regex
  if (/[{}\\/:*?"<>|\u0000-\u001f]/.test(rest)) throw bad('chứa dấu ngoặc lẻ hoặc ký tự không được có trong tên tệp (\\ / : * ? " < > |)');
  if (pattern.startsWith('.')) throw bad('không được bắt đầu bằng dấu chấm');
  return pattern;
}

function parseFraction(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!(n > 0 && n < 1)) throw new Error(`${name} không hợp lệ: "${raw}" (cần tỷ lệ lớn hơn 0 và nhỏ hơn 1, ví dụ 0.001 cho 0,1 %).`);
  return n;
}

export function parseCount(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} không hợp lệ: "${raw}" (cần số nguyên dương).`);
  return n;
}

/**
 * HOTICH_TRUST_PROXY: '' or false → false; true (believe any peer: only when
 * nothing but the proxy can reach the app); or the proxies' addresses and
 * CIDR ranges separated by commas. (A hop count is not offered: Fastify 5
 * treats it as trusting no one, since it cannot check the peer.)
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const v = (raw ?? '').trim();
  if (v === '' || v.toLowerCase() === 'false') return false;
  if (v.toLowerCase() === 'true') return true;
  const list = v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  const bad = list.find((x) => !/^[0-9a-fA-F:.]*[:.][0-9a-fA-F:.]*(\/\d{1,3})?$/.test(x) && !['loopback', 'linklocal', 'uniquelocal'].includes(x));
  if (bad !== undefined) {
    throw new Error(`HOTICH_TRUST_PROXY không hợp lệ: "${bad}" (cần true, hoặc danh sách địa chỉ IP/dải CIDR của proxy cách nhau bằng dấu phẩy, ví dụ 127.0.0.1,10.0.0.0/8).`);
  }
  return list;
}

function authFromEnv(env: NodeJS.ProcessEnv): AuthConfig {
  const d = DEFAULT_AUTH_CONFIG;
  const minutes = (name: string, fallbackMs: number) => parseCount(name, env[name], fallbackMs / 60_000) * 60_000;
  const auth: AuthConfig = {
    sessionIdleMs: minutes('HOTICH_SESSION_IDLE_MINUTES', d.sessionIdleMs),
    sessionMaxMs: parseCount('HOTICH_SESSION_MAX_HOURS', env.HOTICH_SESSION_MAX_HOURS, d.sessionMaxMs / 3600_000) * 3600_000,
    loginMaxFailures: parseCount('HOTICH_LOGIN_MAX_FAILURES', env.HOTICH_LOGIN_MAX_FAILURES, d.loginMaxFailures),
    addressMaxFailures: parseCount('HOTICH_LOGIN_MAX_FAILURES_PER_ADDRESS', env.HOTICH_LOGIN_MAX_FAILURES_PER_ADDRESS, d.addressMaxFailures),
    loginWindowMs: minutes('HOTICH_LOGIN_WINDOW_MINUTES', d.loginWindowMs),
  };
  if (auth.sessionIdleMs > auth.sessionMaxMs) {
    throw new Error('HOTICH_SESSION_IDLE_MINUTES không hợp lệ: thời gian chờ không dùng không được dài hơn thời hạn tối đa của phiên (HOTICH_SESSION_MAX_HOURS).');
  }
  return auth;
}

export function parseNameCase(raw: string): NameCase {
  const v = raw.trim().toLowerCase();
  if ((NAME_CASES as readonly string[]).includes(v)) return v as NameCase;
  throw new Error(`Kiểu chữ họ tên "${raw}" không hợp lệ: chọn title (Nguyễn Thị Lan), upper (NGUYỄN THỊ LAN) hoặc keep (giữ như khi nhập).`);
}

export interface S3Config {
  bucket: string;
  /** e.g. http://127.0.0.1:9000 for MinIO; absent means AWS itself. */
  endpoint?: string;
  /** Default us-east-1 (what MinIO expects unless told otherwise). */
  region?: string;
  prefix?: string;
  /** Both or neither; neither means the AWS SDK's default credential chain. */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Default: true when an endpoint is given (MinIO and most S3-compatible servers). */
  forcePathStyle?: boolean;
}

function s3FromEnv(env: NodeJS.ProcessEnv): S3Config | undefined {
  const bucket = env.HOTICH_S3_BUCKET;
  if (!bucket) return undefined;
  const opt = (v: string | undefined) => (v ? v : undefined);
  const out: S3Config = { bucket, forcePathStyle: env.HOTICH_S3_PATH_STYLE !== 'false' };
  const fields = {
    endpoint: env.HOTICH_S3_ENDPOINT,
    region: env.HOTICH_S3_REGION,
    prefix: env.HOTICH_S3_PREFIX,
    accessKeyId: env.HOTICH_S3_ACCESS_KEY_ID,
    secretAccessKey: env.HOTICH_S3_SECRET_ACCESS_KEY,
  };
  for (const [k, v] of Object.entries(fields)) if (opt(v)) (out as unknown as Record<string, string>)[k] = v!;
  return out;
}

export interface ConfigOverrides {
  dataDir?: string | undefined;
  port?: number | undefined;
  host?: string | undefined;
  databaseUrl?: string | undefined;
}

function parsePort(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new Error(`Cổng không hợp lệ: "${raw}" (cần số nguyên 0–65535)`);
  }
  return n;
}

function logFromEnv(env: NodeJS.ProcessEnv): AppConfig['log'] {
  const level = (env.HOTICH_LOG_LEVEL || 'info').trim().toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new Error(`HOTICH_LOG_LEVEL không hợp lệ: "${env.HOTICH_LOG_LEVEL}" (chọn ${LOG_LEVELS.join(', ')}).`);
  const format = (env.HOTICH_LOG_FORMAT || 'text').trim().toLowerCase();
  if (format !== 'text' && format !== 'json') throw new Error(`HOTICH_LOG_FORMAT không hợp lệ: "${env.HOTICH_LOG_FORMAT}" (chọn text hoặc json).`);
  return { level: level as LogLevel, format };
}

export function loadConfig(overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): AppConfig {
  const cwd = process.cwd();
  return {
    dataDir: path.resolve(cwd, overrides.dataDir ?? env.HOTICH_DATA ?? 'data'),
    databaseUrl: overrides.databaseUrl ?? (env.DATABASE_URL || undefined),
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    replicaMaxLagMs: parseCount('HOTICH_REPLICA_MAX_LAG_MS', env.HOTICH_REPLICA_MAX_LAG_MS, 5000),
    uploadsDir: path.resolve(cwd, env.HOTICH_UPLOADS_DIR || path.join(overrides.dataDir ?? env.HOTICH_DATA ?? 'data', 'uploads')),
    jobLeaseMs: parseCount('HOTICH_JOB_LEASE_SECONDS', env.HOTICH_JOB_LEASE_SECONDS, 30) * 1000,
    port: overrides.port ?? parsePort(env.PORT) ?? DEFAULT_PORT,
    host: overrides.host ?? env.HOST ?? '0.0.0.0',
    ci: env.CI === 'true' || env.CI === '1',
    testDatabaseUrl: env.HOTICH_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    sharedDir: path.resolve(cwd, env.HOTICH_SHARED ?? '../shared'),
    s3: s3FromEnv(env),
    exportNamePattern: parseExportNamePattern(env.HOTICH_EXPORT_NAME_PATTERN || DEFAULT_EXPORT_NAME_PATTERN),
    exportNameCase: parseNameCase(env.HOTICH_EXPORT_NAME_CASE || 'title'),
    qcPromotion: {
      minRecords: parseCount('HOTICH_QC_PROMOTION_MIN_RECORDS', env.HOTICH_QC_PROMOTION_MIN_RECORDS, 500),
      critical: parseFraction('HOTICH_QC_PROMOTION_CRITICAL', env.HOTICH_QC_PROMOTION_CRITICAL, 0.001),
      other: parseFraction('HOTICH_QC_PROMOTION_OTHER', env.HOTICH_QC_PROMOTION_OTHER, 0.005),
    },
    trustProxy: parseTrustProxy(env.HOTICH_TRUST_PROXY),
    auth: authFromEnv(env),
    publicUrl: (env.HOTICH_PUBLIC_URL || `http://localhost:${overrides.port ?? parsePort(env.PORT) ?? DEFAULT_PORT}`).replace(/\/+$/, ''),
    extractFee: parseCount('HOTICH_EXTRACT_FEE', env.HOTICH_EXTRACT_FEE, 8000),
    signing: env.HOTICH_SIGN_P12 ? { p12Path: path.resolve(cwd, env.HOTICH_SIGN_P12), passphrase: env.HOTICH_SIGN_P12_PASSWORD ?? '' } : undefined,
    ingest: {
      megapixelsInFlight: parseCount('HOTICH_INGEST_MEGAPIXELS', env.HOTICH_INGEST_MEGAPIXELS, DEFAULT_INGEST_MEGAPIXELS),
      threads: parseCount('HOTICH_INGEST_THREADS', env.HOTICH_INGEST_THREADS, Math.max(1, os.availableParallelism())),
    },
    mail: mailFromEnv(env),
    log: logFromEnv(env),
  };
}

export { parsePort };
