/**
 * What the ingest pipeline produces from one uploaded file, before anything
 * is stored: its pages as normalized images with their quality flags. The
 * archive module stores them (blobs + page rows) in one step.
 */

/** Stable quality codes; only the web layer translates them. */
export const PAGE_FLAGS = ['quality.low_resolution', 'quality.blank', 'quality.near_duplicate'] as const;
export type PageFlag = (typeof PAGE_FLAGS)[number];

export interface ProcessedPage {
  /** 0-based position of the page inside its file (PDF or TIFF page, else 0). */
  index: number;
  /** The normalized master image (upright after EXIF orientation; JPEG, or PNG for bilevel/lossless input). */
  image: Buffer;
  mime: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  /** A small preview (WebP, longest side 300 px). */
  thumbnail: Buffer;
  /** 64-bit perceptual difference hash as 16 hex chars, for near-duplicate detection across a book. */
  dhash: string;
  /** Estimated resolution if the page were A4 (from pixel size), in dpi. */
  dpiAtA4: number;
  flags: PageFlag[];
}

export interface ProcessedFile {
  /** The uploaded file's name, cleaned for display (never used as a path). */
  name: string;
  /** SHA-256 of the uploaded bytes: the same file twice is one ingest. */
  sha256: string;
  /** Detected from the content, not the name. */
  kind: 'jpeg' | 'png' | 'tiff' | 'pdf' | 'webp' | 'heif';
  pages: ProcessedPage[];
}
