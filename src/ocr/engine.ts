/**
 * The OCR engine seam: an engine turns one prepared image (PNG, black text on
 * white) into words with a confidence (0–1) and a box in that image's pixels.
 * Tesseract (tesseract.ts) is the one engine today; a handwriting model is
 * another implementation of this interface, chosen per page (see read-page.ts).
 */
export interface OcrBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface OcrWord {
  text: string;
  /** 0–1, the engine's own confidence in this word. */
  confidence: number;
  box: OcrBox;
  /** Words of one text line share it; lines are numbered in reading order. */
  line: number;
}

export interface OcrEngine {
  /** Stable id kept with every reading ('tesseract-5-vie'). */
  readonly id: string;
  /** Whether the engine can run here (binary and model present); a reason when not. */
  available(): Promise<{ ok: true } | { ok: false; reason: string }>;
  recognize(png: Buffer): Promise<OcrWord[]>;
}
