/**
 * A reader that closes the CLI's output early (`carbon-peak run … | head -2`): the command ends quietly
 * — no stack trace, its usual exit code — and the file it was asked to write is written. Real pipes:
 * the CLI (node bin/carbon-peak.cjs) piped into `head` by bash. Workbook: the committed sample (CEADs
 * data — data/README.md).
 */
import { spawnSync } from "child_process";
import { existsSync } from "fs";
import { join } from "path";
import { ROOT, ensureBuilt, readXlsx, tempDir } from "./helpers";
import { PROCESS_TEST_MS } from "../helpers/timeouts";

jest.setTimeout(PROCESS_TEST_MS);

const BIN = join(ROOT, "bin", "carbon-peak.cjs");
const SAMPLE = join(ROOT, "samples", "changzhutan.xlsx");

/** Runs `node bin/carbon-peak.cjs <args> | head -<lines>` in bash; the exit code is the CLI's (not head's). */
function pipedIntoHead(lines: number, ...args: string[]): { code: number; out: string; err: string } {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const r = spawnSync("bash", ["-c", `${quoted} | head -n ${lines}; exit "\${PIPESTATUS[0]}"`], { encoding: "utf8", cwd: ROOT });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

beforeAll(() => ensureBuilt());

describe("edge cases: stdout closed by its reader", () => {
  // head -n 0 closes the pipe at once, long before the CLI (which takes a second to start) writes to it:
  // every line the CLI writes meets a closed pipe, whatever the machine's load.
  test("run … | head -n 0: no EPIPE or stack trace, exit 0, the results file written", async () => {
    const out = join(tempDir(), "out.xlsx");
    const r = pipedIntoHead(0, "run", SAMPLE, "-o", out, "--quiet");
    expect(r.out).toBe("");
    expect(r.err).not.toMatch(/EPIPE|node:events|\n\s+at /);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect((await readXlsx(out)).getWorksheet("Results")).toBeDefined();
  });
});
