/**
 * blobs — content-addressed, immutable files; knows nothing of the domain.
 * Owns: the BlobStore contract, the local-folder adapter (default, <dataDir>/blobs)
 * and the S3-compatible adapter, and the choice between them from config values.
 * Invariants: a blob's name is the lower-case hex SHA-256 of its bytes, so a name
 * always means the same content and equal content is stored once; a name is
 * validated before it becomes a path or key (bad name = Invalid, never a path);
 * a put is atomic (whole blob or nothing under its name); a missing blob is a
 * NotFound 'blob.not_found'. Deleting is for garbage collection only.
 */
export type { BlobStore, PutResult } from './blob-store.js';
export { isBlobName } from './blob-name.js';
export { createLocalBlobStore, type LocalBlobStore } from './local-blob-store.js';
export { createS3BlobStore, isMissingS3Key, type S3BlobStoreOptions } from './s3-blob-store.js';
export { blobStoreFromConfig, s3ClientFromConfig, type BlobStoreConfig, type S3BlobConfig } from './blob-store-config.js';
