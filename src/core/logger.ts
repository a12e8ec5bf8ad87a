/**
 * The log, on pino (Fastify's own logger): one root logger per process;
 * the server's request loggers are its children and carry the request id
 * (`reqId`), and a request's services log through it (req.ctx.log). Output
 * is one readable line per entry on stderr ("23:05:12 CẢNH BÁO [req-id]
 * login failed login=an address=127.0.0.1"), or pino's JSON lines for a log
 * shipper (HOTICH_LOG_FORMAT=json). Level: HOTICH_LOG_LEVEL (default info).
 */
import { Writable } from 'node:stream';
import { pino, type Logger as PinoLogger } from 'pino';

export interface Logger {
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
  /** The pino logger behind it (the server gives it to Fastify); absent for the silent logger. */
  readonly pino?: PinoLogger;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFormat = 'text' | 'json';

/** What pino-like loggers (pino itself, Fastify's req.log) share. */
interface PinoLike {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Our Logger over a pino (or Fastify request) logger. */
export function fromPino(p: PinoLike, root?: PinoLogger): Logger {
  return {
    info: (msg, data) => p.info(data ?? {}, msg),
    warn: (msg, data) => p.warn(data ?? {}, msg),
    error: (msg, data) => p.error(data ?? {}, msg),
    ...(root ? { pino: root } : {}),
  };
}

const LEVEL_WORDS: Record<number, string> = { 10: 'VẾT', 20: 'GỠ LỖI', 30: 'THÔNG TIN', 40: 'CẢNH BÁO', 50: 'LỖI', 60: 'LỖI NẶNG' };
const OMITTED = new Set(['level', 'time', 'msg', 'reqId', 'pid', 'hostname']);

const valueText = (v: unknown): string => (typeof v === 'string' && !/\s/.test(v) ? v : JSON.stringify(v));

/** One pino JSON entry as the line a person reads. */
export function readableLine(json: string): string {
  let e: Record<string, unknown>;
  try {
    e = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const time = new Date(typeof e.time === 'number' ? e.time : Date.now()).toTimeString().slice(0, 8);
  const rest = Object.entries(e)
    .filter(([k]) => !OMITTED.has(k))
    .map(([k, v]) => `${k}=${valueText(k === 'err' && v && typeof v === 'object' ? (v as { message?: unknown }).message : v)}`);
  const req = typeof e.reqId === 'string' ? ` [${e.reqId}]` : '';
  const stack = e.err && typeof e.err === 'object' && typeof (e.err as { stack?: unknown }).stack === 'string' ? `\n${(e.err as { stack: string }).stack}` : '';
  return `${time} ${LEVEL_WORDS[Number(e.level)] ?? String(e.level)}${req} ${String(e.msg ?? '')}${rest.length > 0 ? ` ${rest.join(' ')}` : ''}${stack}\n`;
}

function readableStream(out: NodeJS.WritableStream): Writable {
  let pending = '';
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line) out.write(readableLine(line));
      done();
    },
  });
}

export interface LoggerOptions {
  level?: LogLevel;
  format?: LogFormat;
  /** Where the lines go (default stderr). */
  out?: NodeJS.WritableStream;
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  const out = opts.out ?? process.stderr;
  const root = pino({ level: opts.level ?? 'info', base: undefined }, opts.format === 'json' ? out : readableStream(out));
  return fromPino(root, root);
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
