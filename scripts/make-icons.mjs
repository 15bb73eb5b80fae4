#!/usr/bin/env node
// Generates the add-in's PNG icons (assets/icon-<size>.png) with nothing but node's zlib.
//
// The picture: a white tile with a light-green area under a green emissions curve that rises,
// peaks (碳达峰) and falls, a dark-green dot on the peak and a grey baseline.
// Output is deterministic: running the script twice gives byte-identical files.
//
//   node scripts/make-icons.mjs           write assets/icon-{16,32,64,80,128}.png
//   node scripts/make-icons.mjs --check   exit 1 if the committed icons differ from what would be written

import { deflateSync } from "node:zlib";
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const SIZES = [16, 32, 64, 80, 128];

// ---------------------------------------------------------------- PNG encoding

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Encodes an RGBA image (Uint8Array, width*height*4) as a PNG (8-bit, colour type 6, no interlace). */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // interlace: none
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

// ---------------------------------------------------------------- drawing

const WHITE = [255, 255, 255];
const FILL = [200, 230, 201]; // light green
const STROKE = [46, 125, 50]; // green
const DOT = [27, 94, 32]; // dark green
const AXIS = [150, 150, 150];

const X0 = 0.12;
const X1 = 0.88;
const BASE = 0.84; // baseline (y grows downwards)
const PEAK_X = 0.58;

/** The curve's height above the baseline at x: a bell that rises slowly and falls faster. */
function curveY(x) {
  const w = x < PEAK_X ? 0.26 : 0.2;
  const f = Math.exp(-(((x - PEAK_X) / w) ** 2));
  return BASE - 0.08 - 0.6 * f;
}

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  const qx = ax + t * dx - px;
  const qy = ay + t * dy - py;
  return Math.sqrt(qx * qx + qy * qy);
}

/** Renders the icon at size×size pixels with 4×4 supersampling; returns RGBA bytes. */
export function renderIcon(size) {
  const points = [];
  const STEPS = 120;
  for (let i = 0; i <= STEPS; i++) {
    const x = X0 + ((X1 - X0) * i) / STEPS;
    points.push([x, curveY(x)]);
  }
  const stroke = Math.max(1.6, size / 11) / size / 2; // half stroke width, normalised
  const axisHalf = Math.max(1, size / 24) / size / 2;
  const dotR = Math.max(1.6, size / 9) / size;
  const peakY = curveY(PEAK_X);

  const SS = 4;
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0];
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          let colour = WHITE;
          if (x >= X0 && x <= X1 && y > curveY(x) && y < BASE) colour = FILL;
          if (x >= X0 - axisHalf && x <= X1 + axisHalf && Math.abs(y - BASE) <= axisHalf) colour = AXIS;
          let d = Infinity;
          for (let i = 1; i < points.length && d > stroke; i++) {
            const [ax, ay] = points[i - 1];
            const [bx, by] = points[i];
            d = Math.min(d, distToSegment(x, y, ax, ay, bx, by));
          }
          if (d <= stroke) colour = STROKE;
          if (Math.hypot(x - PEAK_X, y - peakY) <= dotR) colour = DOT;
          acc[0] += colour[0];
          acc[1] += colour[1];
          acc[2] += colour[2];
        }
      }
      const o = (py * size + px) * 4;
      rgba[o] = Math.round(acc[0] / (SS * SS));
      rgba[o + 1] = Math.round(acc[1] / (SS * SS));
      rgba[o + 2] = Math.round(acc[2] / (SS * SS));
      rgba[o + 3] = 255;
    }
  }
  return rgba;
}

// ---------------------------------------------------------------- CLI

function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const assets = join(root, "assets");
  const check = process.argv.includes("--check");
  mkdirSync(assets, { recursive: true });
  let stale = 0;
  for (const size of SIZES) {
    const file = join(assets, `icon-${size}.png`);
    const png = encodePng(size, size, renderIcon(size));
    if (check) {
      if (!existsSync(file) || !readFileSync(file).equals(png)) {
        console.error(`stale or missing: assets/icon-${size}.png (run: node scripts/make-icons.mjs)`);
        stale++;
      }
    } else {
      writeFileSync(file, png);
      console.log(`wrote assets/icon-${size}.png (${png.length} bytes)`);
    }
  }
  if (check) {
    if (stale > 0) process.exit(1);
    console.log(`icons up to date (${SIZES.join(", ")} px)`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
