/**
 * fold: the current state of a record from its actions, oldest first. PURE:
 * no I/O, no clock; the same actions always give the same state. The records
 * row is exactly this state (records.repo maps one to the other), written in
 * the same transaction as the action. version = number of actions folded.
 */
import { parseActionBody, type FieldFlag, type KeyingPass, type RecordActionBody, type Region } from './actions.schema.js';

export type RecordStatus = 'draft' | 'completed';

export interface RecordState {
  bookId: string;
  registerType: string;
  templateId: string;
  status: RecordStatus;
  version: number;
  values: Record<string, string>;
  flags: Record<string, FieldFlag>;
  /** WARNING codes (or path:code) the keyer accepted, in the order given. */
  acknowledged: string[];
  pageIds: string[];
  regions: Region[];
  /** Author of the last keyed/corrected action. */
  keyedBy: string | null;
  completedAt: Date | null;
  updatedAt: Date;
  /** A keying pass (src/qc): the registration it keys; null for a registration. */
  keyingOf: string | null;
  keyingPass: KeyingPass | null;
}

/** What the fold reads of a stored action (a record_actions row has all of it). */
export interface FoldableAction {
  kind: string;
  payload: unknown;
  actor_id: string | null;
  created_at: Date;
}

function patch<T>(current: Readonly<Record<string, T>>, changes: Readonly<Record<string, T | null>>): Record<string, T> {
  const out: Record<string, T> = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete out[key];
    else out[key] = value;
  }
  return out;
}

function created(body: Extract<RecordActionBody, { kind: 'created' }>, at: Date): RecordState {
  const p = body.payload;
  return {
    bookId: p.bookId,
    registerType: p.registerType,
    templateId: p.templateId,
    status: 'draft',
    version: 1,
    values: {},
    flags: {},
    acknowledged: [],
    pageIds: [...p.pageIds],
    regions: [...p.regions],
    keyedBy: null,
    completedAt: null,
    updatedAt: at,
    keyingOf: p.keyingOf ?? null,
    keyingPass: p.keyingPass ?? null,
  };
}

function applyBody(s: RecordState, body: RecordActionBody, actor: string | null, at: Date): RecordState {
  switch (body.kind) {
    case 'created':
      throw new Error('fold: a record is created only once');
    case 'keyed':
    case 'corrected':
      return { ...s, values: patch(s.values, body.payload.values), keyedBy: actor };
    case 'flagged':
      return { ...s, flags: patch(s.flags, body.payload.flags) };
    case 'warnings_acknowledged':
      return { ...s, acknowledged: [...s.acknowledged, ...body.payload.codes.filter((c) => !s.acknowledged.includes(c))] };
    case 'completed':
      return { ...s, status: 'completed', completedAt: at };
    case 'reopened':
      return { ...s, status: 'draft', completedAt: null };
    case 'compared': {
      const acknowledged = [...s.acknowledged, ...body.payload.acknowledged.filter((c) => !s.acknowledged.includes(c))];
      return { ...s, values: patch(s.values, body.payload.values), acknowledged };
    }
    case 'arbitrated':
      return { ...s, values: patch(s.values, body.payload.values) };
    case 'verified':
      return s;
  }
}

/** The state after one more action; `state` is undefined before the first ('created') one. */
export function applyAction(state: RecordState | undefined, action: FoldableAction): RecordState {
  const body = parseActionBody(action.kind, action.payload);
  if (!state) {
    if (body.kind !== 'created') throw new Error(`fold: the first action must be 'created', not '${body.kind}'`);
    return created(body, action.created_at);
  }
  return { ...applyBody(state, body, action.actor_id, action.created_at), version: state.version + 1, updatedAt: action.created_at };
}

/** The state of a record from all its actions, oldest first. */
export function fold(actions: readonly FoldableAction[]): RecordState {
  const state = actions.reduce<RecordState | undefined>(applyAction, undefined);
  if (!state) throw new Error('fold: a record has at least its created action');
  return state;
}
