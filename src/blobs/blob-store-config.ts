/**
 * Picks the blob store from configuration values (core/config reads the
 * environment; this file never does): an S3-compatible bucket when `s3` is
 * given, else the local folder <dataDir>/blobs.
 */
import path from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { Invalid, type S3Config } from '../core/index.js';
import type { BlobStore } from './blob-store.js';
import { createLocalBlobStore } from './local-blob-store.js';
import { createS3BlobStore } from './s3-blob-store.js';

/** The S3 settings as core/config reads them (one definition, in core). */
export type S3BlobConfig = S3Config;

export interface BlobStoreConfig {
  dataDir: string;
  s3?: S3BlobConfig;
}

export function blobStoreFromConfig(opts: BlobStoreConfig): BlobStore {
  if (!opts.s3) return createLocalBlobStore(path.join(opts.dataDir, 'blobs'));
  const { bucket, prefix } = opts.s3;
  if (!bucket) throw new Invalid('blob.config', 'Thiếu tên bucket S3', 's3.bucket');
  return createS3BlobStore({ client: s3ClientFromConfig(opts.s3), bucket, prefix });
}

export function s3ClientFromConfig(s3: S3BlobConfig): S3Client {
  const { endpoint, accessKeyId, secretAccessKey } = s3;
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Invalid('blob.config', 'Cần cả khóa truy cập và khóa bí mật S3, hoặc không khóa nào', 's3.accessKeyId');
  }
  return new S3Client({
    region: s3.region ?? 'us-east-1',
    forcePathStyle: s3.forcePathStyle ?? endpoint !== undefined,
    ...(endpoint ? { endpoint } : {}),
    ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
  });
}
