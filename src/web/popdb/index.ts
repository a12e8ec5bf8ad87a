/** The population-DB comparison (#/popdb): upload the returned file, the batches and the queue; one difference beside its page image (#/popdb/conflicts/<id>). */
export { PopdbPage } from './PopdbPage.js';
export { ConflictPage } from './ConflictPage.js';
