/**
 * The access matrix: every HTTP route × every role × (in scope, out of scope,
 * signed out), on both backends, with the expected status of each cell
 * written below as data. The world (test/support/access-fixture.ts) gives
 * every role a scope of commune A; side B is out of scope for all of them.
 * For each route the table names the roles its gate lets through (a role not
 * listed gets 403), the status of an in-scope request (a request chosen so
 * that it passes access and then stops in a known, harmless way: a stale
 * version, an idempotent change, a refused body), and the out-of-scope request
 * (404: as if it did not exist). Routes without a target of their own (lists,
 * searches, the caller's own session, nothing personal) are called once and
 * must not leak a single id of side B. Signed out, everything but the public
 * routes answers 401. A route added without a row here fails the first test.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser, grantScope, ROLE_IDS, type Role } from '../../src/auth/index.js';
import { CHECK_CODES } from '../../src/qc/index.js';
import { buildApp } from '../../src/server/index.js';
import { buildAccessWorld, freshHeaders, type AccessWorld, type RoleUser, type Side } from '../support/access-fixture.js';
import { describeBackends } from '../support/backends.js';
import { testContext } from '../support/context.js';
import { mojWorkbook } from '../support/import-files.js';
import { CLEAN_KS_RECORD, patchValues } from '../support/records.js';
import type { TestContext } from '../support/context.js';

type Req = Omit<InjectOptions, 'method'> & { method: string; url: string };
type Expect = number | readonly number[];
type Allow = readonly Role[] | 'public' | 'signed-in';

interface Row {
  /** METHOD and pattern exactly as registered ('ALL' for the tus routes). */
  route: string;
  allow: Allow;
  /** The in-scope request (side A) for this role's user. */
  req: (s: Side, w: AccessWorld, u: RoleUser) => Req;
  ok: Expect;
  /** Per-role in-scope status where the role's own rule differs (a keying pass is its keyer's). */
  per?: Partial<Record<Role, Expect>>;
  /** Has a target of its own: the same request on side B answers `outStatus` (default 404). */
  scoped?: boolean;
  outStatus?: Expect;
  /** Ends the session it is called with: called with a fresh one. */
  fresh?: boolean;
}

const ALL_ROLES = ROLE_IDS;
const WRITE = ['admin', 'planner', 'officer'] as const;
const KEY = ['admin', 'officer', 'keyer'] as const;
const REVIEW = ['admin', 'officer', 'reviewer'] as const;
const KEY_OR_REVIEW = ['admin', 'officer', 'keyer', 'reviewer'] as const;
const PLAN = ['admin', 'planner'] as const;
const REPORTS_OR_REVIEW = ['admin', 'planner', 'officer', 'reviewer'] as const;
const get = (url: string): Req => ({ method: 'GET', url });
const send = (method: string, url: string, payload: unknown = {}): Req => ({ method, url, payload: payload as Record<string, unknown> });
let txn = 0;
const txId = () => `tx-matrix-http-${String(++txn).padStart(6, '0')}`;
let made = 0;
const unique = () => `${process.pid}-${++made}`;
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

const ISSUE: readonly Role[] = ['admin', 'officer'];
const NO_ID = '00000000-0000-4000-8000-000000000000';

const MATRIX: readonly Row[] = [
  // Sign-in and the caller's own session
  { route: 'POST /api/auth/login', allow: 'public', req: () => send('POST', '/api/auth/login', {}), ok: 400 },
  { route: 'POST /api/auth/logout', allow: 'public', req: () => send('POST', '/api/auth/logout'), ok: 204, fresh: true },
  { route: 'POST /api/auth/logout-all', allow: 'signed-in', req: () => send('POST', '/api/auth/logout-all'), ok: 200, fresh: true },
  { route: 'GET /api/auth/me', allow: 'signed-in', req: () => get('/api/auth/me'), ok: 200 },
  { route: 'GET /api/health', allow: 'public', req: () => get('/api/health'), ok: 200 },
  // Users, organizations, grants, assignment
  { route: 'GET /api/users', allow: WRITE, req: () => get('/api/users'), ok: 200 },
  { route: 'POST /api/users', allow: ['admin'], req: () => send('POST', '/api/users', { login: `matrix-new-${unique()}`, role: 'keyer', password: 'mật khẩu đủ dài 1' }), ok: 201 },
  { route: 'POST /api/users/:id/disable', allow: ['admin'], req: (_s, w) => send('POST', `/api/users/${w.spare.id}/disable`), ok: 200 },
  { route: 'POST /api/users/:id/password', allow: ['admin'], req: (_s, w) => send('POST', `/api/users/${w.spare.id}/password`, { password: 'mật khẩu mới đủ dài' }), ok: 200 },
  { route: 'PUT /api/users/:id/organization', allow: ['admin'], req: (_s, w) => send('PUT', `/api/users/${w.spare.id}/organization`, { organizationId: w.orgId }), ok: 200 },
  { route: 'POST /api/users/:id/grants', allow: WRITE, req: (s, w) => send('POST', `/api/users/${w.spare.id}/grants`, { kind: 'book', bookId: s.bookId }), ok: 201, scoped: true },
  { route: 'DELETE /api/grants/:id', allow: WRITE, req: () => send('DELETE', '/api/grants/999999999'), ok: 404 },
  { route: 'POST /api/assignments', allow: WRITE, req: (s, w) => send('POST', '/api/assignments', { userIds: [w.spare.id], bookIds: [s.bookId] }), ok: 200, scoped: true },
  { route: 'POST /api/assignments/remove', allow: WRITE, req: (s, w) => send('POST', '/api/assignments/remove', { userIds: [w.spare.id], bookIds: [s.bookId] }), ok: 200 },
  { route: 'GET /api/organizations', allow: WRITE, req: () => get('/api/organizations'), ok: 200 },
  { route: 'POST /api/organizations', allow: ['admin'], req: () => send('POST', '/api/organizations', { name: `Đơn vị ${unique()}`, kind: 'other' }), ok: 201 },
  // Catalog and units (nothing personal)
  { route: 'GET /api/registers', allow: 'signed-in', req: () => get('/api/registers'), ok: 200 },
  { route: 'GET /api/registers/:id/form', allow: 'signed-in', req: () => get('/api/registers/KS-70/form'), ok: 200 },
  { route: 'GET /api/registers/:id/header', allow: 'signed-in', req: () => get('/api/registers/KS-70/header'), ok: 200 },
  { route: 'POST /api/registers/:id/validate', allow: 'signed-in', req: () => send('POST', '/api/registers/KS-70/validate', { values: {} }), ok: 200 },
  { route: 'GET /api/units/resolve', allow: 'signed-in', req: () => get(`/api/units/resolve?q=${encodeURIComponent('Xã Thử A')}`), ok: 200 },
  { route: 'GET /api/units/lookup', allow: 'signed-in', req: () => get(`/api/units/lookup?q=${encodeURIComponent('Thử')}`), ok: 200 },
  // Books and pages
  { route: 'GET /api/books', allow: ALL_ROLES, req: () => get('/api/books'), ok: 200 },
  {
    route: 'POST /api/books',
    allow: WRITE,
    ok: 201,
    scoped: true,
    outStatus: 403,
    req: (s) => send('POST', '/api/books', { registerType: 'KS', authority: 'UBND xã thử', authorityUnitId: s.unitId, yearFrom: 2010, volumeNo: unique() }),
  },
  { route: 'GET /api/books/:id', allow: ALL_ROLES, req: (s) => get(`/api/books/${s.bookId}`), ok: 200, scoped: true },
  { route: 'PATCH /api/books/:id', allow: WRITE, req: (s) => send('PATCH', `/api/books/${s.bookId}`, { notes: 'Kiểm tra quyền.' }), ok: 200, scoped: true },
  { route: 'GET /api/books/:id/pages', allow: ALL_ROLES, req: (s) => get(`/api/books/${s.bookId}/pages`), ok: 200, scoped: true },
  { route: 'PUT /api/books/:id/pages/order', allow: WRITE, req: (s) => send('PUT', `/api/books/${s.bookId}/pages/order`, { pageIds: [s.recordId] }), ok: 400, scoped: true },
  { route: 'POST /api/books/:id/pages/missing', allow: WRITE, req: (s) => send('POST', `/api/books/${s.bookId}/pages/missing`, { afterSeq: 999 }), ok: 400, scoped: true },
  { route: 'PATCH /api/books/:id/pages/:pageId', allow: WRITE, req: (s) => send('PATCH', `/api/books/${s.bookId}/pages/${s.pageId}`, { status: 'present' }), ok: 200, scoped: true },
  { route: 'GET /api/books/:id/pages/:pageId/thumbnail', allow: ALL_ROLES, req: (s) => get(`/api/books/${s.bookId}/pages/${s.pageId}/thumbnail`), ok: 200, scoped: true },
  // Page images (IIIF)
  { route: 'GET /iiif/3/:pageId', allow: ALL_ROLES, req: (s) => get(`/iiif/3/${s.pageId}`), ok: 303, scoped: true },
  { route: 'GET /iiif/3/:pageId/info.json', allow: ALL_ROLES, req: (s) => get(`/iiif/3/${s.pageId}/info.json`), ok: 200, scoped: true },
  { route: 'GET /iiif/3/:pageId/:region/:size/:rotation/:qualityFormat', allow: ALL_ROLES, req: (s) => get(`/iiif/3/${s.pageId}/full/80,/0/default.jpg`), ok: 200, scoped: true },
  { route: 'GET /iiif/presentation/books/:id/manifest.json', allow: ALL_ROLES, req: (s) => get(`/iiif/presentation/books/${s.bookId}/manifest.json`), ok: 200, scoped: true },
  // Uploads (tus): the upload belongs to its owner (test/http/upload.db.test.ts); here: creation in scope, an unknown upload is 404
  {
    route: 'ALL /api/uploads',
    allow: KEY,
    ok: 201,
    scoped: true,
    req: (s) => ({ method: 'POST', url: '/api/uploads', headers: { 'tus-resumable': '1.0.0', 'upload-length': '10', 'upload-metadata': `bookId ${b64(s.bookId)},filename ${b64('t.jpg')}` } }),
  },
  { route: 'ALL /api/uploads/:uploadId', allow: KEY, req: () => ({ method: 'HEAD', url: '/api/uploads/khong-co', headers: { 'tus-resumable': '1.0.0' } }), ok: 404 },
  // Keying
  { route: 'POST /api/books/:id/records', allow: KEY, req: (s) => send('POST', `/api/books/${s.bookId}/records`, { pageIds: [s.pageId], clientTxId: txId() }), ok: 201, scoped: true },
  { route: 'GET /api/books/:id/records', allow: ALL_ROLES, req: (s) => get(`/api/books/${s.bookId}/records`), ok: 200, scoped: true },
  { route: 'GET /api/records/:id', allow: ALL_ROLES, req: (s) => get(`/api/records/${s.recordId}`), ok: 200, scoped: true },
  // OCR (src/ocr): start a book's reading (a job), the officer's handwritten mark, pre-fill, machine accuracy, thresholds
  { route: 'POST /api/books/:id/ocr', allow: KEY, req: (s) => send('POST', `/api/books/${s.bookId}/ocr`, { pageIds: ['x'] }), ok: 400, scoped: true },
  {
    route: 'PUT /api/books/:id/pages/:pageId/handwritten',
    allow: WRITE,
    req: (s) => send('PUT', `/api/books/${s.bookId}/pages/${s.pageId}/handwritten`, { handwritten: false }),
    ok: 204,
    scoped: true,
  },
  { route: 'GET /api/books/:id/ocr/pages', allow: ALL_ROLES, req: (s) => get(`/api/books/${s.bookId}/ocr/pages`), ok: 200, scoped: true },
  { route: 'GET /api/records/:id/ocr', allow: ALL_ROLES, req: (s) => get(`/api/records/${s.recordId}/ocr`), ok: 200, scoped: true },
  { route: 'GET /api/books/:id/ocr/accuracy', allow: REVIEW, req: (s) => get(`/api/books/${s.bookId}/ocr/accuracy`), ok: 200, scoped: true },
  { route: 'POST /api/ocr/thresholds', allow: PLAN, req: () => send('POST', '/api/ocr/thresholds'), ok: 202 },
  { route: 'PUT /api/records/:id', allow: KEY_OR_REVIEW, req: (s) => send('PUT', `/api/records/${s.recordId}`, { clientTxId: txId(), expectedVersion: 0, values: {} }), ok: 409, scoped: true },
  { route: 'POST /api/records/:id/complete', allow: KEY, req: (s) => send('POST', `/api/records/${s.recordId}/complete`, { clientTxId: txId(), expectedVersion: 0 }), ok: 409, scoped: true },
  { route: 'POST /api/records/:id/reopen', allow: KEY_OR_REVIEW, req: (s) => send('POST', `/api/records/${s.recordId}/reopen`, { clientTxId: txId(), expectedVersion: 0 }), ok: 409, scoped: true },
  { route: 'GET /api/records/:id/history', allow: ALL_ROLES, req: (s) => get(`/api/records/${s.recordId}/history`), ok: 200, scoped: true },
  { route: 'GET /api/records/:id/timeline', allow: ALL_ROLES, req: (s) => get(`/api/records/${s.recordId}/timeline`), ok: 200, scoped: true },
  { route: 'GET /api/books/:id/history', allow: ALL_ROLES, req: (s) => get(`/api/books/${s.bookId}/history`), ok: 200, scoped: true },
  // QC: modes, passes (side A's pass is the keyer's own), arbitration, review, book checks
  { route: 'GET /api/books/:id/qc-mode', allow: ALL_ROLES, req: (s) => get(`/api/books/${s.bookId}/qc-mode`), ok: 200, scoped: true },
  { route: 'PUT /api/books/:id/qc-mode', allow: PLAN, req: (s) => send('PUT', `/api/books/${s.bookId}/qc-mode`, { mode: 'single_review' }), ok: 200, scoped: true },
  { route: 'GET /api/books/:id/keying-queue', allow: KEY, req: (s) => get(`/api/books/${s.bookId}/keying-queue`), ok: 200, scoped: true },
  {
    route: 'GET /api/qc/passes/:id/fields',
    allow: KEY,
    req: (s) => get(`/api/qc/passes/${s.passId}/fields`),
    ok: 404,
    scoped: true,
    per: { keyer: 200, admin: 409 },
  },
  {
    route: 'POST /api/qc/passes/:id/complete',
    allow: KEY,
    req: (s) => send('POST', `/api/qc/passes/${s.passId}/complete`, { clientTxId: txId(), expectedVersion: 0 }),
    ok: 404,
    scoped: true,
    per: { keyer: 409, admin: 409 },
  },
  { route: 'POST /api/books/:id/compare', allow: REVIEW, req: (s) => send('POST', `/api/books/${s.bookId}/compare`), ok: 200, scoped: true },
  { route: 'GET /api/qc/arbitration/next', allow: REVIEW, req: () => get('/api/qc/arbitration/next'), ok: 200 },
  { route: 'GET /api/qc/disagreements/:id', allow: REVIEW, req: (s) => get(`/api/qc/disagreements/${s.disagreementId}`), ok: 200, scoped: true },
  { route: 'POST /api/qc/disagreements/:id/decide', allow: REVIEW, req: (s) => send('POST', `/api/qc/disagreements/${s.disagreementId}/decide`, { choice: 'first' }), ok: 200, scoped: true },
  // (After arbitration: a claimer becomes a keyer of the registration.) Side A has the keyer's pass A: she gets it back; the first other keyer claims pass B, the next finds both taken.
  { route: 'POST /api/records/:id/keyings', allow: KEY, req: (s) => send('POST', `/api/records/${s.recordId}/keyings`, { clientTxId: txId() }), ok: [200, 409], scoped: true },
  { route: 'GET /api/books/:id/review-queue', allow: REVIEW, req: (s) => get(`/api/books/${s.bookId}/review-queue`), ok: 200, scoped: true },
  { route: 'POST /api/records/:id/verify', allow: REVIEW, req: (s) => send('POST', `/api/records/${s.recordId}/verify`, { clientTxId: txId(), expectedVersion: 999 }), ok: 409, scoped: true },
  { route: 'GET /api/books/:id/checks', allow: ALL_ROLES, req: (s) => get(`/api/books/${s.bookId}/checks`), ok: 200, scoped: true },
  {
    route: 'POST /api/books/:id/checks',
    allow: REVIEW,
    ok: 400,
    scoped: true,
    req: (s) => send('POST', `/api/books/${s.bookId}/checks`, { checkCode: CHECK_CODES[0], subject: 'không có', status: 'resolved' }),
  },
  // Sampled acceptance
  { route: 'POST /api/qc/lots', allow: PLAN, req: (s) => send('POST', '/api/qc/lots', { scope: { kind: 'books', bookIds: [s.bookId] }, plan: { kind: 'confidence' } }), ok: 201, scoped: true },
  { route: 'GET /api/qc/lots', allow: REPORTS_OR_REVIEW, req: () => get('/api/qc/lots'), ok: 200 },
  { route: 'GET /api/qc/lots/:id', allow: REPORTS_OR_REVIEW, req: (s) => get(`/api/qc/lots/${s.lotId}`), ok: 200, scoped: true },
  { route: 'GET /api/qc/lots/:id/sample', allow: REVIEW, req: (s) => get(`/api/qc/lots/${s.lotId}/sample`), ok: 200, scoped: true },
  { route: 'GET /api/qc/lots/:id/sample/:recordId', allow: REVIEW, req: (s) => get(`/api/qc/lots/${s.lotId}/sample/${s.recordId}`), ok: 200, scoped: true },
  { route: 'POST /api/qc/lots/:id/checks', allow: REVIEW, req: (s) => send('POST', `/api/qc/lots/${s.lotId}/checks`, { recordId: s.recordId, wrong: { khongCo: 'x' } }), ok: 400, scoped: true },
  { route: 'POST /api/qc/lots/:id/decision', allow: PLAN, req: (s) => send('POST', `/api/qc/lots/${s.lotId}/decision`, {}), ok: 400, scoped: true },
  { route: 'GET /api/qc/lots/:id/report.pdf', allow: REPORTS_OR_REVIEW, req: (s) => get(`/api/qc/lots/${s.lotId}/report.pdf`), ok: 200, scoped: true },
  { route: 'GET /api/qc/lots/:id/report.xlsx', allow: REPORTS_OR_REVIEW, req: (s) => get(`/api/qc/lots/${s.lotId}/report.xlsx`), ok: 200, scoped: true },
  { route: 'GET /api/qc/keyers', allow: ALL_ROLES, req: () => get('/api/qc/keyers'), ok: 200 },
  { route: 'GET /api/qc/machine', allow: REPORTS_OR_REVIEW, req: () => get('/api/qc/machine'), ok: 200 },
  // Exchange: exports, imports, PDFs (bulk personal data: records.download)
  { route: 'POST /api/books/:id/exports', allow: WRITE, req: (s) => send('POST', `/api/books/${s.bookId}/exports`), ok: 202, scoped: true },
  { route: 'GET /api/books/:id/exports', allow: ALL_ROLES, req: (s) => get(`/api/books/${s.bookId}/exports`), ok: 200, scoped: true },
  { route: 'POST /api/exports/:id/sign-off', allow: REVIEW, req: (s) => send('POST', `/api/exports/${s.exportId}/sign-off`, { note: 'Đã xem.' }), ok: [200, 409], scoped: true },
  {
    route: 'GET /api/exports/:id/files/:name',
    allow: ['admin', 'planner', 'officer', 'reviewer'],
    ok: 200,
    scoped: true,
    req: (s) => get(`/api/exports/${s.exportId}/files/${encodeURIComponent(s.reportFile)}`),
  },
  {
    route: 'POST /api/imports',
    allow: WRITE,
    ok: [202, 409],
    scoped: true,
    req: (s) => ({ method: 'POST', url: `/api/imports?filename=ma-tran.xlsx&bookId=${s.bookId}`, headers: { 'content-type': 'application/octet-stream' }, payload: CLEAN_IMPORT }),
  },
  { route: 'GET /api/imports/:id', allow: ALL_ROLES, req: (s) => get(`/api/imports/${s.importId}`), ok: 200, scoped: true },
  { route: 'GET /api/imports/:id/error-report.xlsx', allow: ALL_ROLES, req: (s) => get(`/api/imports/${s.importId}/error-report.xlsx`), ok: 200, scoped: true },
  { route: 'GET /api/records/:id/pdf', allow: WRITE, req: (s) => get(`/api/records/${s.recordId}/pdf`), ok: 200, scoped: true },
  { route: 'GET /api/books/:id/registrations.zip', allow: WRITE, req: (s) => get(`/api/books/${s.bookId}/registrations.zip`), ok: 200, scoped: true },
  // Certified copies (issued once the matrix has signed the export off, refused with the reasons before) and the public verification
  {
    route: 'POST /api/records/:id/extracts',
    allow: ISSUE,
    ok: [202, 400],
    scoped: true,
    req: (s) => send('POST', `/api/records/${s.recordId}/extracts`, { issuingUnitId: s.unitId, signerName: 'Người Ký', signerTitle: 'CHỦ TỊCH' }),
  },
  { route: 'GET /api/extracts', allow: ISSUE, req: () => get('/api/extracts'), ok: 200 },
  { route: 'GET /api/extracts/log.xlsx', allow: ISSUE, req: (s) => get(`/api/extracts/log.xlsx?unit=${encodeURIComponent(s.unitId)}&from=2026-01-01&to=2026-12-31`), ok: 200, scoped: true },
  { route: 'GET /api/extracts/:id', allow: ISSUE, req: () => get(`/api/extracts/${NO_ID}`), ok: 404 },
  { route: 'GET /api/extracts/:id/pdf', allow: ISSUE, req: () => get(`/api/extracts/${NO_ID}/pdf`), ok: 404 },
  { route: 'POST /api/extracts/:id/revoke', allow: ISSUE, req: () => send('POST', `/api/extracts/${NO_ID}/revoke`, { reason: 'thử' }), ok: 404 },
  { route: 'POST /api/extract-requests', allow: ISSUE, req: (s) => send('POST', '/api/extract-requests', { issuingUnitId: s.unitId, requesterName: 'Người Yêu Cầu' }), ok: 201, scoped: true },
  { route: 'GET /api/extract-requests', allow: ISSUE, req: () => get('/api/extract-requests'), ok: 200 },
  { route: 'POST /api/extract-requests/:id/found', allow: ISSUE, req: (s) => send('POST', `/api/extract-requests/${NO_ID}/found`, { recordId: s.recordId }), ok: 404 },
  { route: 'POST /api/extract-requests/:id/refuse', allow: ISSUE, req: () => send('POST', `/api/extract-requests/${NO_ID}/refuse`, { reason: 'thử' }), ok: 404 },
  { route: 'GET /api/verify/:token', allow: 'public', req: () => get(`/api/verify/${'A'.repeat(24)}`), ok: 404 },
  // Search: within scope; extracts.issue (admin, officer) sees the province in a minimal view, so the row names commune A's unit
  // to stay a within-scope call (the province-wide view and its minimal fields: src/search/search.db.test.ts)
  { route: 'GET /api/search', allow: ALL_ROLES, req: (s) => get(`/api/search?q=${encodeURIComponent('pham anh dai')}&unit=${encodeURIComponent(s.unitId)}`), ok: 200 },
  // Linkage (records.review): the queue within scope, a candidate by id, decisions, runs for a unit (a reviewer's scope is a book, not the unit)
  { route: 'GET /api/linkage/candidates', allow: REVIEW, req: () => get('/api/linkage/candidates'), ok: 200 },
  { route: 'GET /api/linkage/candidates/:id', allow: REVIEW, req: () => get(`/api/linkage/candidates/${NO_ID}`), ok: 404 },
  { route: 'POST /api/linkage/candidates/:id/decision', allow: REVIEW, req: () => send('POST', `/api/linkage/candidates/${NO_ID}/decision`, { decision: 'not_same' }), ok: 404 },
  { route: 'POST /api/linkage/runs', allow: REVIEW, req: (s) => send('POST', '/api/linkage/runs', { unitId: s.unitId }), ok: 202, per: { reviewer: 404 }, scoped: true },
  // The home page's facts (books.read: every role), within the caller's scope
  { route: 'GET /api/home', allow: ALL_ROLES, req: () => get('/api/home'), ok: 200 },
  // Campaign plans and progress (plans.read: admin, planner, officer; plans.manage: admin, planner)
  { route: 'GET /api/plans/campaigns', allow: WRITE, req: () => get('/api/plans/campaigns'), ok: 200 },
  { route: 'POST /api/plans/campaigns', allow: PLAN, req: (s) => send('POST', '/api/plans/campaigns', { name: `Kế hoạch ma trận ${unique()}`, unitId: s.unitId }), ok: 201, scoped: true },
  { route: 'GET /api/plans/campaigns/:id', allow: WRITE, req: (s) => get(`/api/plans/campaigns/${s.campaignId}`), ok: 200, scoped: true },
  { route: 'PUT /api/plans/campaigns/:id', allow: PLAN, req: (s) => send('PUT', `/api/plans/campaigns/${s.campaignId}`, {}), ok: 400, scoped: true },
  { route: 'POST /api/plans/campaigns/:id/packages', allow: PLAN, req: (s) => send('POST', `/api/plans/campaigns/${s.campaignId}/packages`, {}), ok: 400, scoped: true },
  { route: 'GET /api/plans/packages/:id', allow: WRITE, req: (s) => get(`/api/plans/packages/${s.packageId}`), ok: 200, scoped: true },
  { route: 'PUT /api/plans/packages/:id', allow: PLAN, req: (s) => send('PUT', `/api/plans/packages/${s.packageId}`, {}), ok: 400, scoped: true },
  { route: 'POST /api/plans/packages/:id/remove', allow: PLAN, req: (s) => send('POST', `/api/plans/packages/${s.packageId}/remove`, {}), ok: 400, scoped: true },
  { route: 'GET /api/plans/packages/:id/history', allow: WRITE, req: (s) => get(`/api/plans/packages/${s.packageId}/history`), ok: 200, scoped: true },
  { route: 'GET /api/plans/progress', allow: WRITE, req: () => get('/api/plans/progress'), ok: 200 },
  { route: 'GET /api/plans/burnup', allow: WRITE, req: () => get('/api/plans/burnup'), ok: 200 },
  { route: 'GET /api/plans/reminders', allow: WRITE, req: () => get('/api/plans/reminders?days=30'), ok: 200 },
  { route: 'GET /api/plans/keyers', allow: WRITE, req: () => get('/api/plans/keyers'), ok: 200 },
  // No SMTP in the matrix's server: an allowed role reaches the check and hears "mail not configured" (sending: src/plans/reminder-mail.db.test.ts)
  { route: 'POST /api/plans/reminders/mail', allow: PLAN, req: () => send('POST', '/api/plans/reminders/mail?days=30'), ok: 400 },
  { route: 'GET /api/plans/campaigns/:id/template.xlsx', allow: WRITE, req: (s) => get(`/api/plans/campaigns/${s.campaignId}/template.xlsx`), ok: 200, scoped: true },
  { route: 'GET /api/plans/campaigns/:id/plan.xlsx', allow: WRITE, req: (s) => get(`/api/plans/campaigns/${s.campaignId}/plan.xlsx`), ok: 200, scoped: true },
  {
    route: 'POST /api/plans/campaigns/:id/import',
    allow: PLAN,
    ok: 400,
    scoped: true,
    req: (s) => ({ method: 'POST', url: `/api/plans/campaigns/${s.campaignId}/import`, headers: { 'content-type': 'application/octet-stream' }, payload: Buffer.from('không phải xlsx') }),
  },
  { route: 'POST /api/plans/report.xlsx', allow: WRITE, req: () => send('POST', '/api/plans/report.xlsx?period=week'), ok: 202 },
  { route: 'POST /api/plans/report.pdf', allow: WRITE, req: () => send('POST', '/api/plans/report.pdf?period=month'), ok: 202 },
  {
    route: 'POST /api/plans/loads',
    allow: PLAN,
    req: (s) => send('POST', '/api/plans/loads', { loads: [{ bookId: s.bookId, loadedOn: '2026-11-20', batchRef: 'MA-TRAN-1' }] }),
    ok: 200,
    scoped: true,
  },
  // Population-DB comparison (popdb.compare: admin, planner, officer; decisions popdb.decide: admin, officer)
  {
    route: 'POST /api/popdb/imports',
    allow: WRITE,
    ok: 202,
    req: (s) => ({
      method: 'POST',
      url: '/api/popdb/imports?filename=dan-cu.csv',
      headers: { 'content-type': 'text/csv' },
      payload: `recordId,dcTrangThai\r\n${s.recordId},TIM_THAY\r\n${unique()}\r\n`,
    }),
  },
  { route: 'GET /api/popdb/batches', allow: WRITE, req: () => get('/api/popdb/batches'), ok: 200 },
  { route: 'GET /api/popdb/batches/:id', allow: WRITE, req: (s) => get(`/api/popdb/batches/${s.popdbBatchId}`), ok: 200, scoped: true },
  { route: 'GET /api/popdb/batches/:id/error-report.xlsx', allow: WRITE, req: (s) => get(`/api/popdb/batches/${s.popdbBatchId}/error-report.xlsx`), ok: 404, scoped: true },
  { route: 'GET /api/popdb/batches/:id/corrections.xlsx', allow: WRITE, req: (s) => get(`/api/popdb/batches/${s.popdbBatchId}/corrections.xlsx`), ok: 200, scoped: true },
  { route: 'GET /api/popdb/progress', allow: WRITE, req: () => get('/api/popdb/progress'), ok: 200 },
  { route: 'GET /api/popdb/conflicts', allow: WRITE, req: () => get('/api/popdb/conflicts?state=all'), ok: 200 },
  { route: 'GET /api/popdb/conflicts/:id', allow: WRITE, req: (s) => get(`/api/popdb/conflicts/${s.popdbRowId}`), ok: 200, scoped: true },
  { route: 'POST /api/popdb/conflicts/:id/decide', allow: ISSUE, req: (s) => send('POST', `/api/popdb/conflicts/${s.popdbRowId}/decide`, { decision: 'khong-co' }), ok: 400, scoped: true },
  // Jobs and the audit log
  { route: 'GET /api/jobs/:id', allow: 'signed-in', req: (s, w, u) => get(`/api/jobs/${s === w.a ? u.jobIn : u.jobOut}`), ok: 200, scoped: true },
  // A job's file: the owner gets it in scope; out of scope (commune B's book) the same 404 as no job
  { route: 'GET /api/jobs/:id/file', allow: 'signed-in', req: (s, w, u) => get(`/api/jobs/${s === w.a ? u.jobIn : u.jobOut}/file`), ok: 200, scoped: true },
  { route: 'GET /api/audit', allow: PLAN, req: () => get('/api/audit'), ok: 200 },
];

let CLEAN_IMPORT: Buffer;

const routeKeyOf = (method: string, url: string) => `${method} ${url}`;
const allows = (row: Row, role: Role) => row.allow === 'public' || row.allow === 'signed-in' || row.allow.includes(role);
const statusIn = (e: Expect) => (typeof e === 'number' ? [e] : [...e]);

/** The declared routes under /api and /iiif, HEAD twins of GET routes dropped and tus's method list named ALL. */
function declaredKeys(app: FastifyInstance): string[] {
  const byUrl = new Map<string, Set<string>>();
  for (const r of app.declaredRoutes) {
    if (!/^\/(api|iiif)\//.test(r.url)) continue;
    byUrl.set(r.url, (byUrl.get(r.url) ?? new Set()).add(r.method));
  }
  const keys: string[] = [];
  for (const [url, methods] of byUrl) {
    if (methods.size > 4) keys.push(routeKeyOf('ALL', url));
    else for (const m of methods) if (!(m === 'HEAD' && methods.has('GET'))) keys.push(routeKeyOf(m, url));
  }
  return keys.sort();
}

describeBackends('access matrix', (store) => {
  let ctx: TestContext;
  let dispose: () => void;
  let app: FastifyInstance;
  let world: AccessWorld;
  beforeAll(async () => {
    ({ ctx, dispose } = testContext(store()));
    CLEAN_IMPORT = await mojWorkbook([patchValues(CLEAN_KS_RECORD, { so: '77' })]);
    world = await buildAccessWorld(ctx);
    app = await buildApp(ctx, { webRoot: '/nonexistent' });
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    dispose();
  });

  async function call(r: Req, headers: Record<string, string> = {}) {
    return app.inject({ ...r, method: r.method as 'GET', headers: { ...(r.headers as Record<string, string> | undefined), ...headers } });
  }

  it("walks Fastify's route table: every /api and /iiif route has a gate and a target, and a row in the matrix with the same gate kind", () => {
    const undeclared = app.declaredRoutes.filter((r) => /^\/(api|iiif)\//.test(r.url) && !r.access).map((r) => routeKeyOf(r.method, r.url));
    expect(undeclared).toEqual([]);
    expect(declaredKeys(app)).toEqual(MATRIX.map((r) => r.route).sort());
    for (const row of MATRIX) {
      const declared = app.declaredRoutes.find((r) => routeKeyOf(r.method, r.url) === row.route || (row.route.startsWith('ALL ') && r.url === row.route.slice(4)))!;
      const gate = declared.access!.gate;
      if (row.allow === 'public' || row.allow === 'signed-in') expect(gate, row.route).toBe(row.allow);
      else expect(['public', 'signed-in'], row.route).not.toContain(gate);
      const bookScoped = ['book', 'record', 'page', 'export', 'import', 'lot', 'job', 'disagreement', 'pass'].includes(declared.access!.target.kind);
      if (bookScoped) expect(row.scoped, `${row.route}: a route whose target lies in a book is tested in and out of scope`).toBe(true);
    }
  });

  it('answers 401 to every non-public route when signed out', async () => {
    for (const row of MATRIX.filter((r) => r.allow !== 'public')) {
      const res = await call(row.req(world.a, world, world.users.admin));
      expect(res.statusCode, `${row.route} signed out`).toBe(401);
    }
  });

  for (const role of ROLE_IDS) {
    it(`${role}: every route answers the expected status in scope, out of scope, and leaks nothing of commune B`, async () => {
      const u = world.users[role];
      const problems: string[] = [];
      let session = u.headers;
      for (const row of MATRIX) {
        const headers = row.fresh ? await freshHeaders(ctx, role) : session;
        const inRes = await call(row.req(world.a, world, u), headers);
        // A route that ends the user's sessions (logout everywhere) ends the one the matrix walks with too.
        if (row.fresh) session = await freshHeaders(ctx, role);
        const want = allows(row, role) ? statusIn(row.per?.[role] ?? row.ok) : [403];
        if (!want.includes(inRes.statusCode)) problems.push(`${row.route} in scope: ${inRes.statusCode} (want ${want.join('|')}) ${inRes.body.slice(0, 160)}`);
        if (allows(row, role) && !row.route.startsWith('GET /api/jobs')) {
          const leak = world.outIds.find((id) => inRes.body.includes(id));
          if (leak) problems.push(`${row.route} in scope: answer shows ${leak} of commune B`);
        }
        if (!row.scoped) continue;
        const outRes = await call(row.req(world.b, world, u), row.fresh ? await freshHeaders(ctx, role) : session);
        const wantOut = allows(row, role) ? statusIn(row.outStatus ?? 404) : [403];
        if (!wantOut.includes(outRes.statusCode)) problems.push(`${row.route} out of scope: ${outRes.statusCode} (want ${wantOut.join('|')}) ${outRes.body.slice(0, 160)}`);
      }
      expect(problems).toEqual([]);
    }, 180_000);
  }

  it('shows an assigner only the book grants of books she sees; the admin sees every grant', async () => {
    const keyer = await createUser(ctx, { login: `matrix-two-books-${unique()}`, role: 'keyer', password: 'mật khẩu đủ dài 1' });
    await grantScope(ctx, keyer.id, { kind: 'book', bookId: world.b.bookId });
    await grantScope(ctx, keyer.id, { kind: 'book', bookId: world.a.bookId });
    const asPlanner = await call({ method: 'GET', url: '/api/users' }, await freshHeaders(ctx, 'planner'));
    expect(asPlanner.statusCode).toBe(200);
    expect(asPlanner.body).not.toContain(world.b.bookId);
    const spare = (asPlanner.json() as { id: string; grants: { kind: string; book?: { id: string } }[] }[]).find((x) => x.id === keyer.id);
    expect(spare?.grants.map((g) => g.book?.id)).toEqual([world.a.bookId]);
    const asAdmin = await call({ method: 'GET', url: '/api/users' }, await freshHeaders(ctx, 'admin'));
    expect(asAdmin.body).toContain(world.b.bookId);
  });

  it('creates a user and her units all or nothing: an unknown unit leaves no user behind', async () => {
    const login = `matrix-atomic-${Date.now()}`;
    const res = await call(
      { method: 'POST', url: '/api/users', payload: { login, role: 'officer', password: 'mật khẩu đủ dài 1', units: ['legacy:commune:00000'] } },
      await freshHeaders(ctx, 'admin'),
    );
    expect(res.statusCode).toBe(404);
    expect(await ctx.store.db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirst()).toBeUndefined();
  });
});
