/**
 * server — Fastify composition: builds the app from a context and mounts
 * every module's routes, /api/health and the web shell. Owns the mapping of
 * typed errors to HTTP (errors.ts) and the job map (jobs.ts: every kind of
 * background work and its handler; the worker runs with buildApp's
 * `worker: true`). Holds no rules of its own.
 */
export { buildApp, defaultWebRoot, type BuildAppOptions } from './app.js';
export { JOB_HANDLERS, runJobs, startWorker, type Jobs } from './jobs.js';
export { routeNotFound, installErrorHandler, type ErrorBody } from './errors.js';
