/**
 * Writing a file so that its old content survives any failure: the bytes go to a temporary file in
 * the target's folder (same file system, so the final rename is atomic), are flushed to disk
 * (`fsync`), and only then renamed over the target; the folder is flushed too. On any failure — a
 * full disk (ENOSPC), no permission, a read-only file system, SIGINT or SIGTERM during the write — the
 * temporary file is removed and the target is exactly as it was (or still absent). A `kill -9` cannot
 * be caught: it may leave the temporary file (`.<name>.carbon-peak-<pid>.tmp`, safe to delete), never a
 * damaged target.
 *
 * Paths are compared by identity, not by name: {@link sameFile} says whether two paths are the same
 * file (device and inode after following links), so a symlink or a hard link to the input is the input.
 */
import * as nodeFs from "fs";
import { basename, dirname, join } from "path";
import { fail, issue, ok, type Result } from "../engine";

/** The file-system calls the writer makes (tests inject failing ones). */
export interface WriteFs {
  openSync(path: string, flags: string, mode?: number): number;
  writeSync(fd: number, buffer: Buffer, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
  statSync(path: string): nodeFs.Stats;
  mkdirSync(path: string, options: { recursive: true }): unknown;
}

export interface AtomicWriteOptions {
  /** File-system calls (default: Node's). */
  readonly fs?: WriteFs;
  /** Bytes per write call; signals are looked at between calls (default 1 MiB). */
  readonly chunkBytes?: number;
}

/** Set to a number of milliseconds to pause after the first chunk (tests: a kill or a signal in mid-write). */
export const PAUSE_ENV = "CARBON_PEAK_WRITE_PAUSE_MS";

const SIGNALS = ["SIGINT", "SIGTERM"] as const;

/** A file-system error in words ("the disk is full", "permission denied", …), else its first line. */
export function describeError(e: unknown): string {
  return describe(e).detail;
}

function describe(e: unknown): { code: string | undefined; detail: string } {
  const code = (e as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOSPC: "the disk is full",
    EDQUOT: "the disk quota is used up",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EROFS: "the file system is read-only",
    EISDIR: "it is a folder",
    ENOTDIR: "a part of the path is not a folder",
    EBUSY: "the file is in use",
  };
  return { code, detail: (code && words[code]) ?? (e instanceof Error ? e.message.split("\n")[0] : String(e)) };
}

/**
 * Writes `bytes` to `file` atomically (see the module comment). The target's permission bits are kept
 * when it exists. Resolves to `file_unwritable` (naming the cause: "the disk is full", "permission
 * denied", …) or `interrupted` (a signal arrived before the rename); in both cases nothing changed.
 * @example await writeFileAtomic("out.xlsx", bytes)
 */
export async function writeFileAtomic(file: string, bytes: Buffer, options: AtomicWriteOptions = {}): Promise<Result<void>> {
  const fs = options.fs ?? nodeFs;
  const chunk = Math.max(1, options.chunkBytes ?? 1024 * 1024);
  const dir = dirname(file);
  const tmp = join(dir, `.${basename(file)}.carbon-peak-${process.pid}-${Date.now().toString(36)}.tmp`);
  let signal: string | undefined;
  const onSignal = (s: string) => () => void (signal ??= s);
  const handlers = SIGNALS.map((s) => [s, onSignal(s)] as const);
  for (const [s, h] of handlers) process.on(s, h);
  let fd: number | undefined;
  let created = false;
  try {
    fs.mkdirSync(dir, { recursive: true });
    let mode = 0o666;
    try {
      mode = fs.statSync(file).mode & 0o7777;
    } catch {
      // a new file: default permissions (the umask applies)
    }
    fd = fs.openSync(tmp, "wx", mode);
    created = true;
    const pause = Number(process.env[PAUSE_ENV] ?? 0);
    for (let at = 0; at < bytes.length;) {
      const n = fs.writeSync(fd, bytes, at, Math.min(chunk, bytes.length - at));
      at += n;
      // Let a signal in between chunks.
      await new Promise<void>((r) => setImmediate(r));
      if (pause > 0 && at === Math.min(chunk, bytes.length)) {
        for (let waited = 0; waited < pause && !signal; waited += 20) await new Promise<void>((r) => setTimeout(r, 20));
      }
      if (signal) break;
    }
    if (!signal) fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    if (signal) {
      fs.unlinkSync(tmp);
      created = false;
      return fail([issue("interrupted", [], { file, signal })]);
    }
    fs.renameSync(tmp, file);
    created = false;
    syncFolder(fs, dir);
    return ok(undefined);
  } catch (e) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // already failing
      }
    }
    if (created) {
      try {
        fs.unlinkSync(tmp);
      } catch {
        // nothing more can be done
      }
    }
    const d = describe(e);
    return fail([issue("file_unwritable", [], { file, detail: d.detail })]);
  } finally {
    for (const [s, h] of handlers) process.off(s, h);
  }
}

/** Flushes a folder's entry list (so the rename survives a power cut); best effort. */
function syncFolder(fs: WriteFs, dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, "r");
    fs.fsyncSync(fd);
  } catch {
    // not supported everywhere (e.g. Windows): the rename is still atomic
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Whether two paths name the same file: the same device and inode after following links (a
 * symlink, a hard link, "./x" and "x"). False when either does not exist.
 * @example sameFile("book.xlsx", "link-to-book.xlsx") // true
 */
export function sameFile(a: string, b: string): boolean {
  try {
    const x = nodeFs.statSync(a);
    const y = nodeFs.statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}
