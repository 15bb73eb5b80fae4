/**
 * Nothing of the user's is lost when the CLI writes (docs/xlsx-files.md): writes are atomic (a
 * temporary file in the target's folder, flushed, renamed), so a full disk, a signal or `kill -9` in
 * mid-write leave the original exactly as it was; `-o` naming the input through a symlink or a hard
 * link is refused; an existing file that is not a results copy is replaced only with `--force`.
 * The commands run as real processes on the committed sample (samples/changzhutan.xlsx, CEADs data —
 * data/README.md); each test sets its own time limit for a loaded 2-core machine.
 */
import { spawn, spawnSync } from "child_process";
import { createHash } from "crypto";
import * as nodeFs from "fs";
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "fs";
import { join } from "path";
import { formatIssue, issue } from "../../src/engine";
import { PAUSE_ENV, writeFileAtomic, type WriteFs } from "../../src/cli/atomic";
import { ROOT, cli, ensureBuilt, tempDir } from "./helpers";
import { oleFile } from "../helpers/raw-xlsx";
import { PROCESS_TEST_MS } from "../helpers/timeouts";

// These tests start processes (or many CLI runs): a limit for a loaded 2-core machine (test/helpers/timeouts.ts).
jest.setTimeout(PROCESS_TEST_MS);

const SAMPLE = join(ROOT, "samples", "changzhutan.xlsx");
const BIN = join(ROOT, "bin", "carbon-peak.cjs");
const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");
/** Files in a folder other than the ones named (a temporary file left behind would show here). */
const others = (dir: string, ...names: string[]) => readdirSync(dir).filter((n) => !names.includes(n));
const RUN_MS = PROCESS_TEST_MS;

beforeAll(ensureBuilt, RUN_MS);

function copy(dir: string, name = "book.xlsx"): string {
  const f = join(dir, name);
  copyFileSync(SAMPLE, f);
  return f;
}

describe("argument validation: what -o may name", () => {
  test(
    "a symlink and a hard link to the input are the input: refused without --in-place, the input unchanged",
    () => {
      const dir = tempDir();
      const input = copy(dir);
      const before = sha(input);
      symlinkSync(input, join(dir, "sym.xlsx"));
      linkSync(input, join(dir, "hard.xlsx"));
      for (const link of ["sym.xlsx", "hard.xlsx"]) {
        const r = cli("run", input, "-o", join(dir, link), "--quiet");
        expect([link, r.code]).toEqual([link, 2]);
        expect(r.err).toMatch(/is the input file \(a link to it\); add --in-place to write into it/);
      }
      expect(sha(input)).toBe(before);
      expect(others(dir, "book.xlsx", "sym.xlsx", "hard.xlsx")).toEqual([]);
    },
    RUN_MS,
  );

  test(
    "-o onto an existing file the tool did not write (a text file, a user's workbook) is refused without --force, and the file is kept",
    () => {
      const dir = tempDir();
      const input = copy(dir);
      const notes = join(dir, "notes.txt");
      writeFileSync(notes, "my notes\n");
      const theirs = copy(dir, "theirs.xlsx");
      const before = sha(theirs);
      for (const target of [notes, theirs]) {
        const r = cli("run", input, "-o", target, "--quiet");
        expect(r.code).toBe(2);
        expect(r.err).toMatch(/exists and is not a results copy this tool wrote; add --force to replace it/);
      }
      expect(readFileSync(notes, "utf8")).toBe("my notes\n");
      expect(sha(theirs)).toBe(before);
      const forced = cli("run", input, "-o", notes, "--force", "--quiet");
      expect(forced.code).toBe(0);
      expect(readFileSync(notes).subarray(0, 2).toString()).toBe("PK");
    },
    RUN_MS,
  );

  test(
    "the results copy of an earlier run is replaced without --force; after --in-place it is someone's workbook again",
    () => {
      const dir = tempDir();
      const input = copy(dir);
      expect(cli("run", input, "--quiet").code).toBe(0);
      const results = join(dir, "book-results.xlsx");
      expect(cli("run", input, "--quiet").code).toBe(0); // replaced: it is a results copy
      expect(cli("run", results, "--in-place", "--quiet").code).toBe(0); // now the user works in it
      const r = cli("run", input, "--quiet");
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/book-results\.xlsx" exists and is not a results copy/);
    },
    RUN_MS,
  );

  test(
    "--in-place through a symlink writes the file it points to; the link stays a link",
    () => {
      const dir = tempDir();
      const input = copy(dir);
      const link = join(dir, "link.xlsx");
      symlinkSync(input, link);
      const before = sha(input);
      expect(cli("run", link, "--in-place", "--quiet").code).toBe(0);
      expect(sha(input)).not.toBe(before);
      expect(readdirSync(dir).sort()).toEqual(["book.xlsx", "link.xlsx"]);
      expect(statSync(link).ino).toBe(statSync(input).ino);
    },
    RUN_MS,
  );

  test(
    "a folder as -o is refused",
    () => {
      const dir = tempDir();
      const input = copy(dir);
      mkdirSync(join(dir, "out.xlsx"));
      const r = cli("run", input, "-o", join(dir, "out.xlsx"), "--quiet");
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/is a folder/);
    },
    RUN_MS,
  );
});

describe("edge cases: faults in mid-write", () => {
  /** Starts `run --in-place` that pauses after its first written chunk; resolves once the temporary file exists. */
  function startPausedRun(
    input: string,
  ): Promise<{ child: ReturnType<typeof spawn>; done: Promise<{ code: number | null; signal: string | null; err: string }> }> {
    const child = spawn(process.execPath, [BIN, "run", input, "--in-place", "--quiet"], { env: { ...process.env, [PAUSE_ENV]: "60000" }, cwd: ROOT });
    let err = "";
    child.stderr.on("data", (d) => (err += String(d)));
    const done = new Promise<{ code: number | null; signal: string | null; err: string }>((resolve) =>
      child.on("exit", (code, signal) => resolve({ code, signal, err })),
    );
    const dir = join(input, "..");
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        if (others(dir, "book.xlsx").some((n) => n.endsWith(".tmp"))) {
          clearInterval(poll);
          resolve({ child, done });
        } else if (Date.now() - started > RUN_MS - 10_000) {
          clearInterval(poll);
          child.kill("SIGKILL");
          reject(new Error(`no temporary file appeared: ${err}`));
        }
      }, 50);
    });
  }

  test(
    "kill -9 in the middle of writing --in-place: the original's SHA-256 is unchanged",
    async () => {
      const dir = tempDir();
      const input = copy(dir);
      const before = sha(input);
      const { child, done } = await startPausedRun(input);
      child.kill("SIGKILL");
      expect((await done).signal).toBe("SIGKILL");
      expect(sha(input)).toBe(before);
      // Only the temporary file may be left (a kill -9 cannot be caught); the workbook is whole.
      expect(others(dir, "book.xlsx").every((n) => /^\.book\.xlsx\.carbon-peak-\d+-\w+\.tmp$/.test(n))).toBe(true);
    },
    RUN_MS,
  );

  test.each(["SIGINT", "SIGTERM"] as const)(
    "%s in the middle of writing --in-place: the original is unchanged, the temporary file removed, exit 130",
    async (signal) => {
      const dir = tempDir();
      const input = copy(dir);
      const before = sha(input);
      const { child, done } = await startPausedRun(input);
      child.kill(signal);
      const r = await done;
      expect(r.code).toBe(130);
      expect(r.err).toMatch(new RegExp(`stopped by ${signal} while writing .*book\\.xlsx"; the file is as it was before`));
      expect(sha(input)).toBe(before);
      expect(others(dir, "book.xlsx")).toEqual([]);
    },
    RUN_MS,
  );

  const canMount = (() => {
    if (process.platform !== "linux" || process.getuid?.() !== 0) return false;
    const probe = tempDir();
    const ok = spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe]).status === 0;
    if (ok) spawnSync("umount", [probe]);
    return ok;
  })();

  // A real full disk: a small tmpfs (CI runs as root). Without root, the injected file system below covers it.
  (canMount ? test : test.skip)(
    "a full disk (a small tmpfs) during --in-place: the original is unchanged, no temporary file left, a one-line message",
    () => {
      const dir = tempDir();
      const size = statSync(SAMPLE).size;
      // Room for the workbook and a little more, not for a second copy of it with the outputs.
      expect(spawnSync("mount", ["-t", "tmpfs", "-o", `size=${Math.ceil((size * 1.5) / 4096) * 4096}`, "tmpfs", dir]).status).toBe(0);
      try {
        const input = copy(dir);
        const before = sha(input);
        const r = cli("run", input, "--in-place", "--quiet");
        expect(r.code).toBe(1);
        expect(r.err.trim()).toMatch(/^carbon-peak: file ".*book\.xlsx" could not be written \(the disk is full\)$/);
        expect(sha(input)).toBe(before);
        expect(others(dir, "book.xlsx")).toEqual([]);
      } finally {
        spawnSync("umount", [dir]);
      }
    },
    RUN_MS,
  );
});

describe("edge cases: the atomic writer with a failing file system (injected)", () => {
  const failing = (step: keyof WriteFs, code: string): { fs: WriteFs; calls: string[] } => {
    const real = nodeFs as unknown as WriteFs;
    const calls: string[] = [];
    const fs = new Proxy(real, {
      get(target, prop: keyof WriteFs) {
        const f = target[prop] as (...a: unknown[]) => unknown;
        return (...args: unknown[]) => {
          calls.push(String(prop));
          if (prop === step) throw Object.assign(new Error(`${code}: injected`), { code });
          return f.apply(target, args);
        };
      },
    });
    return { fs, calls };
  };

  test.each([
    ["writeSync", "ENOSPC", "the disk is full"],
    ["fsyncSync", "EIO", "EIO: injected"],
    ["renameSync", "EACCES", "permission denied"],
    ["openSync", "EROFS", "the file system is read-only"],
  ] as const)("%s fails with %s: the target keeps its bytes, the temporary file is removed, the cause is named", async (step, code, words) => {
    const dir = tempDir();
    const target = join(dir, "out.xlsx");
    writeFileSync(target, "original");
    const { fs } = failing(step, code);
    const r = await writeFileAtomic(target, Buffer.alloc(3 * 1024 * 1024, 7), { fs, chunkBytes: 1024 * 1024 });
    expect(r.ok).toBe(false);
    expect(r.ok ? "" : formatIssue(r.issues[0])).toBe(formatIssue(issue("file_unwritable", [], { file: target, detail: words })));
    expect(readFileSync(target, "utf8")).toBe("original");
    expect(others(dir, "out.xlsx")).toEqual([]);
  });

  test("success: the new bytes, the old permission bits, nothing else in the folder", async () => {
    const dir = tempDir();
    const target = join(dir, "out.xlsx");
    writeFileSync(target, "original", { mode: 0o640 });
    expect((await writeFileAtomic(target, Buffer.from("new"), {})).ok).toBe(true);
    expect(readFileSync(target, "utf8")).toBe("new");
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(others(dir, "out.xlsx")).toEqual([]);
  });
});

describe("edge cases: inputs that are not workbooks (one line each, exit 1, nothing written)", () => {
  test.each([
    ["a .csv", "inventory.csv", Buffer.from("City,2019\n长沙,32.45\n"), /^carbon-peak: ".*inventory\.csv" is not an \.xlsx workbook/],
    [
      "a password-protected workbook (an OLE file with an EncryptedPackage stream)",
      "locked.xlsx",
      oleFile(["EncryptionInfo", "EncryptedPackage"]),
      /^carbon-peak: ".*locked\.xlsx" is password-protected: save a copy without a password/,
    ],
    ["an Excel 97–2003 file", "old.xls", oleFile(["Workbook"]), /is an Excel 97–2003 \(\.xls\) or other old Office file/],
  ])(
    "%s",
    (_what, name, bytes, message) => {
      const dir = tempDir();
      const f = join(dir, name);
      writeFileSync(f, bytes);
      for (const command of ["run", "check", "peaks"]) {
        const r = cli(command, f);
        expect([command, r.code]).toEqual([command, 1]);
        expect(r.err.trim().split("\n")).toHaveLength(1);
        expect(r.err.trim()).toMatch(message);
      }
      expect(others(dir, name)).toEqual([]);
    },
    RUN_MS,
  );
});
