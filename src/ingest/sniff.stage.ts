/**
 * Stage 2: what the bytes are. Empty and unknown content end the ingest here,
 * before any decoder sees the bytes.
 */
import { fail, type IngestStage } from './ingest.stage.js';
import { sniffKind } from './sniff.js';

export const sniffStage: IngestStage = {
  id: 'sniff',
  canRun: () => true,
  run: async (item) => {
    if (item.bytes.length === 0) throw fail(item, 'ingest.empty');
    const kind = sniffKind(item.bytes);
    if (kind === undefined) throw fail(item, 'ingest.unsupported_type');
    item.kind = kind;
    item.report({ code: 'ingest.sniffed' });
  },
};
