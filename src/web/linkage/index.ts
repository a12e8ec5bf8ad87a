/** The duplicate queue and the pair comparison (issue 16), loaded lazily by the shell (never import this file statically). */
export { LinkageQueue, LinkageComparePage } from './LinkagePage.js';
