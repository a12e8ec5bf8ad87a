/**
 * Fastify logs through the process's pino logger: an unhandled error is
 * logged once, as a readable line carrying the request id, and the 500
 * answer names that id (so an administrator finds the details); pino's JSON
 * lines when HOTICH_LOG_FORMAT=json; the silent logger prints nothing.
 */
import { PassThrough } from 'node:stream';
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createLogger, readableLine } from '../core/index.js';
import { installErrorHandler } from './errors.js';

function captured(format: 'text' | 'json') {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d) => (text += String(d)));
  return { log: createLogger({ out, format }), text: () => text };
}

async function failingApp(format: 'text' | 'json') {
  const c = captured(format);
  const app = Fastify({ loggerInstance: c.log.pino as FastifyBaseLogger, logController: new LogController({ disableRequestLogging: true }), genReqId: () => 'req-42' });
  installErrorHandler(app);
  app.get('/boom', async () => {
    throw new Error('đĩa đầy');
  });
  const res = await app.inject({ method: 'GET', url: '/boom' });
  await new Promise((r) => setImmediate(r));
  return { res, text: c.text() };
}

describe('the log', () => {
  it('writes an unhandled error as one readable line with the request id; the answer names the id', async () => {
    const { res, text } = await failingApp('text');
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ error: { code: 'server.error', message: expect.stringContaining('mã yêu cầu req-42'), details: { requestId: 'req-42' } } });
    expect(text).toMatch(/^\d\d:\d\d:\d\d LỖI \[req-42\] unhandled error err="đĩa đầy"\nError: đĩa đầy/);
    expect(text).not.toContain('{"level"');
  });

  it('writes pino JSON lines when asked to', async () => {
    const { text } = await failingApp('json');
    const entry = JSON.parse(text.split('\n')[0]!) as { level: number; reqId: string; msg: string };
    expect(entry).toMatchObject({ level: 50, reqId: 'req-42', msg: 'unhandled error' });
  });

  it('formats fields as key=value, quoting what has spaces', () => {
    const line = readableLine(JSON.stringify({ level: 40, time: Date.UTC(2026, 0, 1), msg: 'login failed', login: 'an', address: '127.0.0.1', note: 'hai từ' }));
    expect(line).toMatch(/ CẢNH BÁO login failed login=an address=127\.0\.0\.1 note="hai từ"\n$/);
  });
});
