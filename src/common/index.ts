/**
 * common — what runs anywhere (server, CLI and the browser): the typed errors
 * a user can meet, each with a stable code and a Vietnamese message (the
 * server maps them to HTTP in one place, server/errors.ts). The browser-safe
 * part of core, split off so that registers/ (the catalog and its
 * validators) can be bundled into the web app without core's configuration,
 * version file or job runner. core re-exports everything here.
 * Invariant: no import at all, neither another hotich module nor a Node
 * built-in (ESLint forbids both).
 */
export { AppError, NotFound, Conflict, Invalid, Unprocessable, TooManyRequests, isAppError, type ErrorKind } from './errors.js';
