/**
 * QC's own steps act as the system: the comparison and the completion it
 * triggers carry no user (nobody learns who the other keyer was), and a
 * keyer's promotion status is computed from all her outcomes, whoever reads
 * it. The user's scope is always checked first, with her own context.
 */
import { systemActor, withActor, type ActorContext } from '../auth/index.js';
import type { AppContext } from '../core/index.js';

export const QC_SYSTEM = systemActor('qc');

export const asQcSystem = (ctx: AppContext): ActorContext => withActor(ctx, QC_SYSTEM);
