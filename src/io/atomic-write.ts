// Atomic file and directory replacement: readers see the old content or the complete new content, never a half-written one.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A hidden sibling name, unique per process and call, in the same directory (so rename stays on one file system). */
export function temporarySibling(path: string, tag: 'tmp' | 'old' = 'tmp'): string {
  return join(dirname(path), `.${basename(path)}.${tag}-${process.pid}-${randomBytes(6).toString('hex')}`);
}

/**
 * Writes `path` through `write`, which receives an open handle to a temporary sibling file. When `write`
 * resolves, the data is fsynced and the temporary file renamed over `path`; if `write` (or the sync) fails,
 * the temporary file is removed and any existing `path` is left untouched.
 *
 * @example
 * await writeFileAtomic('out/x.parquet', async (fh) => { await fh.write(bytes); });
 */
export async function writeFileAtomic<T>(path: string, write: (file: FileHandle) => Promise<T>): Promise<T> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = temporarySibling(path);
  // 'wx': never reuse a file someone else created under our temporary name.
  const file = await open(tmp, 'wx');
  let closed = false;
  try {
    const result = await write(file);
    await file.sync();
    await file.close();
    closed = true;
    await rename(tmp, path);
    await syncDirectory(dirname(path));
    return result;
  } catch (error) {
    if (!closed) await file.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw error;
  }
}

/**
 * Builds a directory's new content in a temporary sibling directory through `build`, then swaps it in
 * place of `dir`. On failure the temporary directory is removed and the existing `dir` is untouched.
 *
 * POSIX cannot rename a directory over a non-empty one, so the swap is two renames (old aside, new in);
 * between them `dir` is briefly absent, but it is never partially written.
 */
export async function replaceDirectoryAtomic<T>(dir: string, build: (tmpDir: string) => Promise<T>): Promise<T> {
  await mkdir(dirname(dir), { recursive: true });
  const tmp = temporarySibling(dir);
  await mkdir(tmp);
  let result: T;
  try {
    result = await build(tmp);
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
  const old = temporarySibling(dir, 'old');
  let movedAside = false;
  try {
    await rename(dir, old);
    movedAside = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      await rm(tmp, { recursive: true, force: true });
      throw error;
    }
  }
  await rename(tmp, dir);
  await syncDirectory(dirname(dir));
  if (movedAside) await rm(old, { recursive: true, force: true });
  return result;
}

// A rename is durable only once its directory entry is on disk; some file systems refuse to fsync a
// directory handle, and that only weakens durability, not atomicity, so such errors are ignored.
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // see above
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
