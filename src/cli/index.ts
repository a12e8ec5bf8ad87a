/**
 * cli — the `hotich` command (serve, migrate, validate). Composition only:
 * each subcommand builds its context from the configuration and calls the
 * modules. User-facing output is Vietnamese; exit 2 means unusable input.
 */
export { run } from './main.js';
export { openContext, type OpenedContext } from './open-context.js';
