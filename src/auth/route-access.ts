/**
 * Every HTTP route declares who may call it and how the scope of its target
 * is found, in its Fastify config:
 *   app.get('/api/books/:id', access('books.read', on.book('id')), handler)
 * The gate is a permission (or any of several), 'signed-in' or 'public'; the
 * target says what the route acts on: one thing named by a path parameter
 * (a book, record, page, export...), a list answered within the caller's
 * scope, something created inside a scope checked from the body, the caller
 * herself, or nothing personal. The access hook enforces the gate; the
 * target's scope is enforced where the data is read (the repositories, with
 * bookInScope), and the declaration lets the access-matrix test build in- and
 * out-of-scope requests for every route. A route under /api or /iiif without
 * a declaration is refused when it is registered.
 */
import type { Permission } from './roles.js';

export const TARGET_KINDS = [
  'book',
  'record',
  'page',
  'export',
  'import',
  'lot',
  'job',
  'disagreement',
  'pass',
  'upload',
  'user',
  'grant',
  'organization',
  'extract',
  'extractRequest',
  'campaign',
  'work_package',
  'link_candidate',
  'popdb_batch',
  'popdb_row',
] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export type Target =
  /** Nothing personal (the register catalog, administrative units, health). */
  | { kind: 'none' }
  /** The caller's own session or account. */
  | { kind: 'self' }
  /** A list or search: answers only what lies in the caller's scope. */
  | { kind: 'list' }
  /** Creates something inside a scope that the service checks from the body (a book's authority, an import's books). */
  | { kind: 'create' }
  /** One thing, named by a path parameter. */
  | { kind: TargetKind; param: string };

export type Gate = Permission | readonly Permission[] | 'public' | 'signed-in';

export interface RouteAccess {
  gate: Gate;
  target: Target;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

/** Route options carrying the declaration; spread more options beside it when needed. */
export function access(gate: Gate, target: Target): { config: { access: RouteAccess } } {
  return { config: { access: { gate, target } } };
}

const one =
  (kind: TargetKind) =>
  (param = 'id'): Target => ({ kind, param });

/** Targets named by a path parameter (default `id`). */
export const on = Object.fromEntries(TARGET_KINDS.map((k) => [k, one(k)])) as { [K in TargetKind]: (param?: string) => Target };

export const NONE: Target = { kind: 'none' };
export const SELF: Target = { kind: 'self' };
export const LIST: Target = { kind: 'list' };
export const CREATE: Target = { kind: 'create' };
