/**
 * The tus lock of one upload across processes. Several web processes share
 * the uploads folder (HOTICH_UPLOADS_DIR); a client that resumes an upload
 * may reach any of them, so the lock that keeps two requests from writing one
 * upload at once must live beside the upload, not in one process's memory.
 * Within a process the tus MemoryLocker still runs first (it asks an older
 * request of the same upload to let go, e.g. a half-open connection); then an
 * exclusive `<id>.lock` file is created in the shared folder (O_EXCL). The
 * holder touches the file every REFRESH_MS; a file older than STALE_MS belongs
 * to a process that died holding it and is broken. A lock not obtained within
 * the tus timeout (30 s) fails the request with tus's own lock-timeout error.
 */
import { open, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { ERRORS, MemoryLocker, type Lock, type Locker, type RequestRelease } from '@tus/server';

export const STALE_MS = 30_000;
const REFRESH_MS = 10_000;
const RETRY_MS = 50;
const TIMEOUT_MS = 30_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function tryCreate(file: string): Promise<boolean> {
  try {
    const h = await open(file, 'wx');
    await h.writeFile(`${process.pid}\n`);
    await h.close();
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return false;
  }
}

/** Removes the lock file when its holder stopped refreshing it (a dead process). */
async function breakIfStale(file: string): Promise<void> {
  try {
    const s = await stat(file);
    if (Date.now() - s.mtimeMs > STALE_MS) await rm(file, { force: true });
  } catch {
    // gone meanwhile
  }
}

class SharedDirLock implements Lock {
  private refresher: NodeJS.Timeout | undefined;
  constructor(
    private readonly file: string,
    private readonly inProcess: Lock,
  ) {}

  async lock(signal: AbortSignal, cancelReq: RequestRelease): Promise<void> {
    await this.inProcess.lock(signal, cancelReq);
    const until = Date.now() + TIMEOUT_MS;
    try {
      while (!(await tryCreate(this.file))) {
        if (signal.aborted || Date.now() > until) throw ERRORS.ERR_LOCK_TIMEOUT;
        await breakIfStale(this.file);
        await sleep(RETRY_MS);
      }
    } catch (e) {
      await this.inProcess.unlock();
      throw e;
    }
    this.refresher = setInterval(() => void utimes(this.file, new Date(), new Date()).catch(() => undefined), REFRESH_MS);
    this.refresher.unref();
  }

  async unlock(): Promise<void> {
    clearInterval(this.refresher);
    await rm(this.file, { force: true });
    await this.inProcess.unlock();
  }
}

export class SharedDirLocker implements Locker {
  private readonly memory = new MemoryLocker();
  constructor(private readonly dir: string) {}

  newLock(id: string): Lock {
    return new SharedDirLock(path.join(this.dir, `${path.basename(id)}.lock`), this.memory.newLock(id));
  }
}
