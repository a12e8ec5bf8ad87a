/** The ordered list of migrations. Append only; ids are never reused. */
import * as m0001 from './0001-foundation.js';
import * as m0002 from './0002-admin-units.js';
import * as m0003 from './0003-archive.js';
import * as m0004 from './0004-entry.js';
import * as m0005 from './0005-sessions.js';
import * as m0006 from './0006-exports.js';
import * as m0007 from './0007-imports.js';
import * as m0008 from './0008-qc.js';
import * as m0009 from './0009-acceptance.js';
import * as m0010 from './0010-job-results.js';
import * as m0011 from './0011-scopes.js';
import * as m0012 from './0012-audit-chain.js';
import * as m0013 from './0013-auth-hardening.js';
import * as m0014 from './0014-lifecycle.js';
import * as m0015 from './0015-job-leases.js';
import * as m0016 from './0016-paging.js';
import * as m0017 from './0017-plans.js';
import * as m0018 from './0018-person-index.js';
import * as m0019 from './0019-extracts.js';
import * as m0020 from './0020-linkage.js';
import * as m0021 from './0021-popdb.js';
import * as m0022 from './0022-ocr.js';
import * as m0023 from './0023-read-your-writes.js';
import * as m0024 from './0024-import-batches.js';
import * as m0025 from './0025-package-rollup.js';
import * as m0026 from './0026-person-names.js';
import * as m0027 from './0027-package-months.js';
import * as m0028 from './0028-book-chains.js';
import * as m0029 from './0029-machine-pass.js';
import * as m0030 from './0030-keyer-indexes.js';
import * as m0031 from './0031-action-time-index.js';
import * as m0032 from './0032-province-partitions.js';
import * as m0033 from './0033-upload-locks.js';

export interface Migration {
  id: string;
  name: string;
  up: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { id: '0001', ...m0001 },
  { id: '0002', ...m0002 },
  { id: '0003', ...m0003 },
  { id: '0004', ...m0004 },
  { id: '0005', ...m0005 },
  { id: '0006', ...m0006 },
  { id: '0007', ...m0007 },
  { id: '0008', ...m0008 },
  { id: '0009', ...m0009 },
  { id: '0010', ...m0010 },
  { id: '0011', ...m0011 },
  { id: '0012', ...m0012 },
  { id: '0013', ...m0013 },
  { id: '0014', ...m0014 },
  { id: '0015', ...m0015 },
  { id: '0016', ...m0016 },
  { id: '0017', ...m0017 },
  { id: '0018', ...m0018 },
  { id: '0019', ...m0019 },
  { id: '0020', ...m0020 },
  { id: '0021', ...m0021 },
  { id: '0022', ...m0022 },
  { id: '0023', ...m0023 },
  { id: '0024', ...m0024 },
  { id: '0025', ...m0025 },
  { id: '0026', ...m0026 },
  { id: '0027', ...m0027 },
  { id: '0028', ...m0028 },
  { id: '0029', ...m0029 },
  { id: '0030', ...m0030 },
  { id: '0031', ...m0031 },
  { id: '0032', ...m0032 },
  { id: '0033', ...m0033 },
];
