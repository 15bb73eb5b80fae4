#!/usr/bin/env node
// npm stop: undo `npm start`.
//   Windows/macOS: `office-addin-debugging stop manifest.xml` (unregisters the sideloaded add-in and stops the
//   dev server it started), then also ends a dev server recorded by the web flow, if any.
//   Elsewhere: ends the dev server recorded by `npm start` (pid in node_modules/.cache/carbon-peak/).

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { clearDevServer, isDevServerProcess, readDevServer } from "./dev-server-state.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}

async function stopRecordedDevServer() {
  const state = readDevServer(root);
  if (!state) {
    console.log("No dev server started by `npm start` is recorded: nothing to stop.");
    return 0;
  }
  const { pid } = state;
  if (!isDevServerProcess(pid)) {
    clearDevServer(root);
    console.log(`The dev server recorded by \`npm start\` (pid ${pid}) is no longer running.`);
    return 0;
  }
  try {
    process.kill(pid, "SIGTERM");
  } catch (err) {
    console.error(`Could not stop the dev server (pid ${pid}): ${err.message}`);
    return 1;
  }
  for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // it exited in the meantime
    }
  }
  clearDevServer(root);
  console.log(`Stopped the dev server started by \`npm start\` (pid ${pid}, port ${state.port}).`);
  return 0;
}

async function main() {
  let code = 0;
  if (process.platform === "win32" || process.platform === "darwin") {
    const name = process.platform === "win32" ? "office-addin-debugging.cmd" : "office-addin-debugging";
    const debugging = join(root, "node_modules", ".bin", name);
    if (existsSync(debugging)) {
      console.log("Running: office-addin-debugging stop manifest.xml");
      const r = spawnSync(debugging, ["stop", "manifest.xml"], {
        cwd: root,
        stdio: "inherit",
        shell: process.platform === "win32",
      });
      if (r.error || r.status !== 0) {
        console.error(
          `office-addin-debugging stop failed (${r.error ? r.error.message : `exit code ${r.status}`}). ` +
            "Close Excel, and if the add-in stays on the ribbon remove it under Home -> Add-ins -> My Add-ins.",
        );
        code = 1;
      }
    } else {
      console.error("office-addin-debugging is not installed (node_modules/.bin): run `npm ci` first.");
      code = 1;
    }
  }
  const stopped = await stopRecordedDevServer();
  return code || stopped;
}

main().then((code) => process.exit(code));
