// Where `npm start` records the dev server it started, so that `npm stop` can end exactly that process.
// State lives in node_modules/.cache/carbon-peak/dev-server.json (per checkout, ignored by git).

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function stateDir(root) {
  const dir = join(root, "node_modules", ".cache", "carbon-peak");
  mkdirSync(dir, { recursive: true });
  return dir;
}

function stateFile(root) {
  return join(stateDir(root), "dev-server.json");
}

export function devServerPort(root) {
  if (process.env.npm_package_config_dev_server_port) return Number(process.env.npm_package_config_dev_server_port);
  try {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    return Number((pkg.config && pkg.config.dev_server_port) || 3000);
  } catch {
    return 3000;
  }
}

export function recordDevServer(root, state) {
  writeFileSync(stateFile(root), JSON.stringify(state, null, 2) + "\n");
}

/** The recorded { pid, port, started }, or null. */
export function readDevServer(root) {
  const file = stateFile(root);
  if (!existsSync(file)) return null;
  try {
    const state = JSON.parse(readFileSync(file, "utf8"));
    return Number.isInteger(state.pid) ? state : null;
  } catch {
    return null;
  }
}

export function clearDevServer(root) {
  rmSync(stateFile(root), { force: true });
}

/**
 * True if pid is alive and (where we can tell, i.e. on Linux) is a webpack process, so a recycled pid is
 * never killed by mistake. (webpack-cli sets process.title, so /proc/<pid>/cmdline reads just "webpack".)
 */
export function isDevServerProcess(pid) {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return err.code === "EPERM"; // alive but not ours to signal
  }
  const cmdline = `/proc/${pid}/cmdline`;
  if (existsSync(cmdline)) {
    return /webpack/.test(readFileSync(cmdline, "utf8"));
  }
  return true;
}
