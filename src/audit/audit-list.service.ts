/**
 * The audit screen: lists the write log or the read log for a planner,
 * restricted to the scope the caller computed for its actor (see
 * audit-list.repo.ts), with the query validated at the edge.
 */
import type { AppContext } from '../core/index.js';
import { listAuditEntries, type AuditScope } from './audit-list.repo.js';
import { AuditQuery, type AuditPage } from './audit-list.schema.js';

/** Parses the raw query (Vietnamese messages on a bad one) and lists one page, newest first. */
export async function listAudit(ctx: AppContext, scope: AuditScope, query: unknown): Promise<AuditPage> {
  return listAuditEntries(ctx.store.db, scope, AuditQuery.parse(query ?? {}));
}
