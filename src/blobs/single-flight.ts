/**
 * Collapses concurrent puts of the same content inside one process: the first
 * call does the work, the others wait for it and report existed = true. Across
 * processes the adapters stay safe on their own (identical bytes under one name).
 */
export type PutOnce = (sha256: string, work: () => Promise<boolean>) => Promise<boolean>;

/** `work` resolves to `existed`; a failure is shared by every waiting caller. */
export function createPutOnce(): PutOnce {
  const running = new Map<string, Promise<boolean>>();
  return async (sha256, work) => {
    const pending = running.get(sha256);
    if (pending) {
      await pending;
      return true;
    }
    const started = work().finally(() => running.delete(sha256));
    running.set(sha256, started);
    return started;
  };
}
