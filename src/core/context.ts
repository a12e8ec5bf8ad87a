/**
 * The one explicit dependency bag every service receives (`ctx`): the
 * database, the blob store, the clock, the logger and the configuration. Built in exactly
 * three places: the server, the CLI and the tests.
 */
import type { BlobStore } from '../blobs/index.js';
import type { Store } from '../store/index.js';
import type { AppConfig } from './config.js';
import type { Logger } from './logger.js';

export interface AppContext {
  config: AppConfig;
  store: Store;
  blobs: BlobStore;
  clock: () => Date;
  log: Logger;
}
