/**
 * A file a background job made for its owner (a report, an error report):
 * stored as a blob, named by the job's answer (result.file) or, for a job
 * that failed with a report of its errors, by its error's details
 * (error.details.file). GET /api/jobs/:id/file (server/jobs.routes.ts) sends
 * it to the job's owner.
 */
export interface JobFile {
  /** sha256 of the blob. */
  sha256: string;
  /** The file name offered to the browser (ASCII, e.g. bao-cao-tien-do.xlsx). */
  name: string;
  contentType: string;
  size: number;
}

const isJobFile = (x: unknown): x is JobFile =>
  typeof x === 'object' && x !== null && typeof (x as JobFile).sha256 === 'string' && /^[0-9a-f]{64}$/.test((x as JobFile).sha256) && typeof (x as JobFile).name === 'string';

const fileIn = (x: unknown): JobFile | undefined => (typeof x === 'object' && x !== null && isJobFile((x as { file?: unknown }).file) ? (x as { file: JobFile }).file : undefined);

/** The file of a finished job (its answer's `file`) or of a failed one (its error details' `file`), when it made one. */
export function jobFileOf(view: { result?: unknown; error?: { details?: unknown } }): JobFile | undefined {
  return fileIn(view.result) ?? fileIn(view.error?.details);
}
