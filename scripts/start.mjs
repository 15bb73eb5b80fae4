#!/usr/bin/env node
// npm start: run the add-in against Excel.
//
//   npm start                       Windows/macOS: office-addin-debugging sideloads into desktop Excel
//                                   (it starts `npm run dev-server` itself). Linux: web flow (below).
//   npm start -- --web              web flow anywhere: start the https dev server on port 3000 and print how
//                                   to sideload manifest.xml into Excel on the web.
//   npm start -- --web --background run the dev server detached (log in node_modules/.cache/carbon-peak/);
//                                   `npm stop` ends it.
//
// The web flow records the dev server's pid so `npm stop` can end it (see scripts/dev-server-state.mjs).

import { spawn } from "node:child_process";
import { existsSync, openSync } from "node:fs";
import https from "node:https";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { clearDevServer, devServerPort, isDevServerProcess, readDevServer, recordDevServer, stateDir } from "./dev-server-state.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const manifest = join(root, "manifest.xml");
const args = process.argv.slice(2);
const wantWeb = args.includes("--web");
const background = args.includes("--background");
const port = devServerPort(root);
const baseUrl = `https://localhost:${port}/`;

function bin(name) {
  const file = join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);
  return existsSync(file) ? file : null;
}

function say(lines) {
  console.log(["", ...lines, ""].join("\n"));
}

/** Resolves true once https://localhost:<port>/taskpane.html answers 200 (certificate not checked). */
function probe() {
  return new Promise((done) => {
    const req = https.get(`${baseUrl}taskpane.html`, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
      res.resume();
      done(res.statusCode === 200);
    });
    req.on("error", () => done(false));
    req.on("timeout", () => {
      req.destroy();
      done(false);
    });
  });
}

async function waitForServer(child, seconds) {
  for (let i = 0; i < seconds; i++) {
    if (child.exitCode !== null) return false;
    if (await probe()) return true;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}

function sideloadSteps() {
  say([
    `The dev server is serving the add-in at ${baseUrl} (taskpane.html, functions.js, functions.json).`,
    "",
    "Sideload it into Excel on the web:",
    `  1. In the browser you will use, open ${baseUrl}taskpane.html. It must load without a certificate`,
    "     warning, or Excel will show an empty pane. If it warns, trust a development certificate with",
    "     `npx office-addin-dev-certs install` (needs admin rights), then restart `npm start`.",
    "  2. Open a workbook in Excel on the web (https://www.office.com -> Excel).",
    "  3. Home -> Add-ins -> More Add-ins (older layout: Insert -> Office Add-ins) -> My Add-ins ->",
    "     Upload My Add-in, and choose this file:",
    `       ${manifest}`,
    "  4. Home -> Carbon Peak -> Peak Analysis opens the task pane; in a cell, type =CARBON. to see the",
    "     custom functions.",
    "  Alternative: `npx office-addin-debugging start manifest.xml web --document <URL of a workbook in",
    "  OneDrive or SharePoint>` sideloads it for you.",
    "",
    background ? "Stop the dev server with `npm stop`." : "Stop with Ctrl+C here, or `npm stop` from another terminal.",
  ]);
}

async function webFlow(reason) {
  if (reason) say([reason]);
  const running = readDevServer(root);
  if (running && isDevServerProcess(running.pid)) {
    say([`A dev server started by \`npm start\` is already running (pid ${running.pid}).`]);
    sideloadSteps();
    return 0;
  }
  if (await probe()) {
    say([`Something is already serving ${baseUrl}taskpane.html (not started by \`npm start\`): using it.`]);
    sideloadSteps();
    return 0;
  }
  const webpack = join(root, "node_modules", "webpack", "bin", "webpack.js");
  if (!existsSync(webpack)) {
    console.error("webpack is not installed: run `npm ci` (or `npm install`) first.");
    return 1;
  }
  const serveArgs = [webpack, "serve", "--mode", "development"];
  let child;
  if (background) {
    const log = join(stateDir(root), "dev-server.log");
    const out = openSync(log, "a");
    child = spawn(process.execPath, serveArgs, { cwd: root, detached: true, stdio: ["ignore", out, out] });
    child.unref();
    console.log(`Starting the dev server in the background (pid ${child.pid}); log: ${log}`);
  } else {
    child = spawn(process.execPath, serveArgs, { cwd: root, stdio: "inherit" });
  }
  child.on("error", (err) => console.error(`Could not start webpack serve: ${err.message}`));
  recordDevServer(root, { pid: child.pid, port, started: new Date().toISOString() });
  const forget = () => {
    const state = readDevServer(root);
    if (state && state.pid === child.pid) clearDevServer(root);
  };

  if (!background) {
    for (const signal of ["SIGINT", "SIGTERM"]) {
      process.on(signal, () => {
        child.kill(signal);
      });
    }
  }

  const up = await waitForServer(child, 120);
  if (up) {
    sideloadSteps();
  } else if (child.exitCode !== null) {
    forget();
    console.error(`The dev server exited (code ${child.exitCode}) before serving ${baseUrl}. See its output above.`);
    console.error(`Is port ${port} already in use? Try \`npm stop\`, or check with: lsof -i :${port}`);
    return 1;
  } else {
    console.error(`The dev server has not answered on ${baseUrl} after 120 s; it is still starting or stuck (pid ${child.pid}).`);
  }
  if (background) return 0;

  return new Promise((done) => {
    child.on("exit", (code, signal) => {
      forget();
      done(signal ? 0 : (code ?? 0));
    });
  });
}

function desktopFlow() {
  const debugging = bin("office-addin-debugging");
  if (!debugging) {
    return Promise.resolve({ ok: false, why: "office-addin-debugging is not installed (node_modules/.bin)" });
  }
  console.log(`Running: office-addin-debugging start manifest.xml desktop --app excel`);
  return new Promise((done) => {
    const child = spawn(debugging, ["start", "manifest.xml", "desktop", "--app", "excel"], {
      cwd: root,
      stdio: "inherit",
      shell: process.platform === "win32", // .cmd shims need a shell on Windows
    });
    child.on("error", (err) => done({ ok: false, why: `could not run office-addin-debugging: ${err.message}` }));
    child.on("exit", (code, signal) => {
      if (code === 0) done({ ok: true });
      else done({ ok: false, why: `office-addin-debugging exited with ${signal ? `signal ${signal}` : `code ${code}`}` });
    });
  });
}

async function main() {
  const desktopPossible = process.platform === "win32" || process.platform === "darwin";
  if (wantWeb || !desktopPossible) {
    const reason = wantWeb ? null : `Desktop Excel is not available on ${process.platform}: using Excel on the web instead.`;
    return webFlow(reason);
  }
  const result = await desktopFlow();
  if (result.ok) {
    say(["Excel should open with the add-in sideloaded (Home -> Carbon Peak). Stop with `npm stop`."]);
    return 0;
  }
  return webFlow(
    `Sideloading into desktop Excel failed: ${result.why}.\n` +
      "Falling back to the web flow (you can also retry, or sideload manifest.xml by hand in desktop Excel).",
  );
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`npm start failed: ${err && err.stack ? err.stack : err}`);
    process.exit(1);
  },
);
