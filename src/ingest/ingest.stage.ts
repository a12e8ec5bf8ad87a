/**
 * The one contract every ingest stage follows (ARCHITECTURE.md §6), the work
 * item the stages share, and the options and progress codes of processFile.
 * A stage reads what earlier stages left on the item and adds its own part;
 * it throws StopIngest to end the ingest. `cleanup` runs (in reverse order)
 * for every stage that ran, whether the ingest succeeded or not.
 */
import type { ProcessedFile, ProcessedPage } from './ingest.types.js';
import type { PixelBudget } from './pixel-budget.js';
import { stopIngest, type IngestErrorCode, type IngestErrorParams, type StopIngest } from './ingest.errors.js';

export type FileKind = ProcessedFile['kind'];

/** Stable progress codes; only the web layer translates them. `page` is 1-based. */
export const INGEST_PROGRESS = ['ingest.sniffed', 'ingest.expanded', 'ingest.page_decoded', 'ingest.page_analyzed', 'ingest.done'] as const;
export type ProcessProgressCode = (typeof INGEST_PROGRESS)[number];
export interface ProcessProgress {
  code: ProcessProgressCode;
  page?: number;
  pages?: number;
}

export interface ProcessOptions {
  /** Resolution at which PDF pages are rasterized (default 150). */
  pdfDpi?: number;
  /** Largest accepted page, width × height in pixels (default 120 megapixels). */
  maxPixels?: number;
  /** Largest accepted page count of one file (default 2000). */
  maxPages?: number;
  onProgress?: (e: ProcessProgress) => void;
  /** The app's budget of decoded pixels in flight (ingestFiles passes pixelBudgetOf(config)); none = only the per-page cap. */
  budget?: PixelBudget;
  /** SHA-256 of the bytes when the caller has already computed it (saves hashing a large file twice). */
  sha256?: string;
}

export const INGEST_DEFAULTS = { pdfDpi: 150, maxPixels: 120_000_000, maxPages: 2000 } as const;
export type IngestSettings = Required<Omit<ProcessOptions, 'onProgress' | 'budget' | 'sha256'>> & { budget: PixelBudget | undefined };

/** One page as the decoder gets it: encoded image bytes (with a page number) or raw RGBA. */
export interface PageInput {
  data: Buffer;
  page?: number;
  raw?: { width: number; height: number; channels: 4 };
}

/** The pages of one file, read one at a time so only one is ever decoded. */
export interface PageSource {
  readonly count: number;
  /** The page's width × height from its header (no pixel decoded): what it will ask of the PixelBudget. */
  pixels(index: number): Promise<number>;
  read(index: number): Promise<PageInput>;
  close(): Promise<void>;
}

/** A small upright sRGB copy of a page (longest side 300 px), made from the same decode as its master. */
export interface SmallRaster {
  data: Buffer;
  width: number;
  height: number;
  channels: 3;
}

/** A page after decoding and normalization, before analysis. */
export type MasterPage = Pick<ProcessedPage, 'index' | 'image' | 'mime' | 'width' | 'height'> & { small: SmallRaster };

/** The shared work item, filled in stage by stage. */
export interface IngestItem {
  readonly bytes: Buffer;
  readonly rawName: string;
  readonly settings: IngestSettings;
  readonly report: (e: ProcessProgress) => void;
  /** Cleaned display name (name stage); until then a placeholder. */
  name: string;
  kind?: FileKind;
  source?: PageSource;
  masters: MasterPage[];
  pages: ProcessedPage[];
}

export interface IngestStage {
  readonly id: string;
  canRun(item: IngestItem): boolean;
  run(item: IngestItem): Promise<void>;
  cleanup?(item: IngestItem): Promise<void>;
}

/** The StopIngest for this item's file. */
export function fail(item: Pick<IngestItem, 'name'>, code: IngestErrorCode, params?: IngestErrorParams): StopIngest {
  return stopIngest(code, item.name, params);
}
