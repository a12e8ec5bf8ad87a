/**
 * server — Fastify composition: builds the app from a context and mounts
 * every module's routes, /api/health and the web shell. Owns the mapping of
 * typed errors to HTTP (errors.ts). Holds no rules of its own.
 */
export { buildApp, defaultWebRoot, type BuildAppOptions } from './app.js';
export { routeNotFound, installErrorHandler, type ErrorBody } from './errors.js';
