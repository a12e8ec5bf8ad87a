/**
 * What happened to a record after the version a keyer last saw: the details
 * of the Conflict a stale save receives. PURE. Fields and flags are listed
 * with their CURRENT value and every author who touched them since; the
 * actions themselves are summarised so the client can show "who did what".
 */
import { parseActionBody, type FieldFlag } from './actions.schema.js';
import type { FoldableAction, RecordState } from './fold.js';

export interface FieldChange {
  key: string;
  /** Current value; null when the field is now empty. */
  value: string | null;
  /** Distinct authors of the changes since expectedVersion, in order (null: unknown author). */
  changedBy: (string | null)[];
  /** Version produced by the last change of this field. */
  version: number;
}

export interface FlagChange {
  key: string;
  flag: FieldFlag | null;
  changedBy: (string | null)[];
  version: number;
}

export interface ActionSummary {
  version: number;
  kind: string;
  actorId: string | null;
  at: string;
}

export interface ChangesSince {
  expectedVersion: number;
  currentVersion: number;
  status: RecordState['status'];
  fields: FieldChange[];
  flags: FlagChange[];
  /** Warning codes acknowledged since expectedVersion. */
  acknowledged: string[];
  actions: ActionSummary[];
}

interface Touch {
  authors: (string | null)[];
  version: number;
}

function touch(map: Map<string, Touch>, key: string, actor: string | null, version: number): void {
  const t = map.get(key) ?? { authors: [], version };
  if (!t.authors.includes(actor)) t.authors.push(actor);
  t.version = version;
  map.set(key, t);
}

/** `actions` is the whole history (oldest first), `current` its fold. */
export function changesSince(actions: readonly FoldableAction[], expectedVersion: number, current: RecordState): ChangesSince {
  const fields = new Map<string, Touch>();
  const flags = new Map<string, Touch>();
  const acknowledged: string[] = [];
  const summaries: ActionSummary[] = [];
  actions.forEach((a, i) => {
    const version = i + 1;
    if (version <= expectedVersion) return;
    summaries.push({ version, kind: a.kind, actorId: a.actor_id, at: a.created_at.toISOString() });
    const body = parseActionBody(a.kind, a.payload);
    if (body.kind === 'keyed' || body.kind === 'corrected') for (const k of Object.keys(body.payload.values)) touch(fields, k, a.actor_id, version);
    if (body.kind === 'flagged') for (const k of Object.keys(body.payload.flags)) touch(flags, k, a.actor_id, version);
    if (body.kind === 'warnings_acknowledged') acknowledged.push(...body.payload.codes);
  });
  return {
    expectedVersion,
    currentVersion: current.version,
    status: current.status,
    fields: [...fields].map(([key, t]) => ({ key, value: current.values[key] ?? null, changedBy: t.authors, version: t.version })),
    flags: [...flags].map(([key, t]) => ({ key, flag: current.flags[key] ?? null, changedBy: t.authors, version: t.version })),
    acknowledged,
    actions: summaries,
  };
}
