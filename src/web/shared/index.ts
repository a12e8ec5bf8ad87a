/** Shared by the web features: typed fetch helpers whose errors carry the server's Vietnamese message. */
export { ApiError, getJson, sendJson, type Health, type TemplateSummary } from './api.js';
