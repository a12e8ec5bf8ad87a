/**
 * The stage runner and the one-page-at-a-time contract, with stand-in stages
 * and page sources (no mocks of our own modules: real stages where it matters).
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { INGEST_DEFAULTS, type IngestItem, type IngestStage, type PageSource } from './ingest.stage.js';
import { expandStage } from './expand.stage.js';
import { normalizeStage } from './normalize.stage.js';
import { INGEST_STAGES, processFile, runStages } from './process-file.service.js';
import { textPdf } from '../../test/support/scans.js';

const newItem = (bytes: Buffer = Buffer.alloc(0)): IngestItem => ({
  bytes,
  rawName: 'x',
  settings: { ...INGEST_DEFAULTS, budget: undefined },
  report: () => {},
  name: 'x',
  masters: [],
  pages: [],
});

function stage(id: string, log: string[], o: { canRun?: boolean; fails?: boolean; cleanupFails?: boolean } = {}): IngestStage {
  return {
    id,
    canRun: () => o.canRun ?? true,
    run: async () => {
      log.push(`run ${id}`);
      if (o.fails) throw new Error(`${id} failed`);
    },
    cleanup: async () => {
      log.push(`cleanup ${id}`);
      if (o.cleanupFails) throw new Error(`${id} cleanup failed`);
    },
  };
}

describe('runStages', () => {
  it('skips stages that cannot run and cleans up the others in reverse', async () => {
    const log: string[] = [];
    await runStages([stage('a', log), stage('b', log, { canRun: false }), stage('c', log)], newItem());
    expect(log).toEqual(['run a', 'run c', 'cleanup c', 'cleanup a']);
  });

  it('cleans up after a failure, and a failing cleanup never hides the first error', async () => {
    const log: string[] = [];
    const run = runStages([stage('a', log, { cleanupFails: true }), stage('b', log, { fails: true }), stage('c', log)], newItem());
    await expect(run).rejects.toThrow('b failed');
    expect(log).toEqual(['run a', 'run b', 'cleanup b', 'cleanup a']);
  });

  it('reports a failing cleanup after a successful run', async () => {
    await expect(runStages([stage('a', [], { cleanupFails: true })], newItem())).rejects.toThrow('a cleanup failed');
  });

  it('lists the stages in order', () => {
    expect(INGEST_STAGES.map((s) => s.id)).toEqual(['name', 'sniff', 'expand', 'normalize', 'analyze', 'duplicates']);
  });

  it('refuses nonsensical options', async () => {
    await expect(processFile({ name: 'a', bytes: Buffer.from('x') }, { pdfDpi: 0 })).rejects.toThrow(RangeError);
  });
});

describe('page by page', () => {
  it('reads the next page only after the previous one is encoded', async () => {
    const png = await sharp({ create: { width: 40, height: 60, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const item = newItem();
    const reads: number[] = [];
    const source: PageSource = {
      count: 3,
      pixels: async () => 40 * 60,
      read: async (index) => {
        reads.push(index);
        expect(item.masters).toHaveLength(index); // every earlier page is already a master
        return { data: png };
      },
      close: async () => {},
    };
    item.source = source;
    await runStages([normalizeStage], item);
    expect(reads).toEqual([0, 1, 2]);
    expect(item.masters.map((m) => m.index)).toEqual([0, 1, 2]);
  });

  it('closes the PDF source even when a later stage fails', async () => {
    const item = newItem(await textPdf(['Trang 1']));
    item.kind = 'pdf';
    const failing: IngestStage = {
      id: 'boom',
      canRun: () => true,
      run: async () => {
        throw new Error('boom');
      },
    };
    await expect(runStages([expandStage, failing], item)).rejects.toThrow('boom');
    expect(item.source).toBeUndefined();
  });
});
