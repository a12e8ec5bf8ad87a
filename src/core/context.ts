/**
 * The one explicit dependency bag every service receives (`ctx`): the
 * database, the blob store, the clock, the logger and the configuration. Built in exactly
 * three places: the server, the CLI and the tests.
 */
import type { BlobStore } from '../blobs/index.js';
import type { Store } from '../store/index.js';
import type { AppConfig } from './config.js';

export interface Logger {
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

export interface AppContext {
  config: AppConfig;
  store: Store;
  blobs: BlobStore;
  clock: () => Date;
  log: Logger;
}

export const consoleLogger: Logger = {
  info: (msg, data) => console.log(msg, data ?? ''),
  warn: (msg, data) => console.warn(msg, data ?? ''),
  error: (msg, data) => console.error(msg, data ?? ''),
};

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
