// The `hotich` command run from the sources (node --import tsx), for tests that start real processes.
import { run } from '../../src/cli/index.js';

await run(process.argv.slice(2));
