/**
 * The ZIP container of an .xlsx package, read and written with Node's own zlib (no dependency).
 *
 * Reading parses the central directory only: every entry's name, method, sizes and where its
 * compressed bytes sit. Nothing is inflated until {@link inflateEntry} asks for one entry, with a
 * ceiling on the bytes it may produce (a zip bomb stops there, whatever the headers claim).
 * Writing copies an unchanged entry's compressed bytes exactly as they were (same method, CRC and
 * sizes) and deflates new ones, so every part the add-in does not own leaves the file byte for byte.
 * ZIP64 sizes and offsets are read; entries larger than 4 GB are never written (the size guard in
 * `package.ts` refuses far smaller workbooks). Errors are {@link ZipError}s with a code the package
 * layer turns into the user's message.
 */
import * as zlib from "zlib";
import { deflateRawSync, inflateRawSync } from "zlib";

/** Why a buffer could not be read as a ZIP archive. */
export type ZipProblem = "not_zip" | "corrupt" | "encrypted" | "unsupported" | "too_large";

/** A failure of the ZIP layer; `code` says which. */
export class ZipError extends Error {
  constructor(
    readonly code: ZipProblem,
    message: string,
  ) {
    super(message);
  }
}

/** One entry of the central directory. */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  /** Uncompressed size as the central directory states it (checked when inflated). */
  readonly size: number;
  /** DOS time and date, kept when the entry is copied. */
  readonly time: number;
  readonly date: number;
  /** Offset of the local header in the archive. */
  readonly localOffset: number;
}

/** An archive as read: the bytes and the central directory, in order. */
export interface ZipArchive {
  readonly bytes: Buffer;
  readonly entries: readonly ZipEntry[];
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
const MAX32 = 0xffffffff;
const FLAG_ENCRYPTED = 0x1;
const FLAG_UTF8 = 0x800;

/** True when the bytes start like a ZIP archive (a local header or an empty archive's end record). */
export function looksLikeZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && (bytes.readUInt32LE(0) === SIG_LOCAL || bytes.readUInt32LE(0) === SIG_END);
}

function findEnd(b: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) if (b.readUInt32LE(i) === SIG_END) return i;
  throw new ZipError(looksLikeZip(b) ? "corrupt" : "not_zip", "no end of central directory");
}

/**
 * Reads the central directory of a ZIP archive.
 * @throws ZipError `not_zip`, `corrupt`, `encrypted` (an entry with the ZIP encryption flag)
 * @example const zip = readZip(readFileSync("book.xlsx")); zip.entries.map((e) => e.name)
 */
export function readZip(bytes: Buffer): ZipArchive {
  if (bytes.length < 22) throw new ZipError("not_zip", "too short for a ZIP archive");
  const end = findEnd(bytes);
  let count = bytes.readUInt16LE(end + 10);
  let cdSize = bytes.readUInt32LE(end + 12);
  let cdOffset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || cdSize === MAX32 || cdOffset === MAX32) {
    const loc = end - 20;
    if (loc < 0 || bytes.readUInt32LE(loc) !== SIG_LOCATOR64) throw new ZipError("corrupt", "ZIP64 end record missing");
    const at = Number(bytes.readBigUInt64LE(loc + 8));
    if (at < 0 || at + 56 > bytes.length || bytes.readUInt32LE(at) !== SIG_END64) throw new ZipError("corrupt", "ZIP64 end record missing");
    count = Number(bytes.readBigUInt64LE(at + 32));
    cdSize = Number(bytes.readBigUInt64LE(at + 40));
    cdOffset = Number(bytes.readBigUInt64LE(at + 48));
  }
  if (cdOffset + cdSize > bytes.length) throw new ZipError("corrupt", "central directory outside the file");
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== SIG_CENTRAL) throw new ZipError("corrupt", "central directory entry missing");
    const flags = bytes.readUInt16LE(p + 8);
    const method = bytes.readUInt16LE(p + 10);
    const time = bytes.readUInt16LE(p + 12);
    const date = bytes.readUInt16LE(p + 14);
    const crc = bytes.readUInt32LE(p + 16);
    let compressedSize = bytes.readUInt32LE(p + 20);
    let size = bytes.readUInt32LE(p + 24);
    const nameLen = bytes.readUInt16LE(p + 28);
    const extraLen = bytes.readUInt16LE(p + 30);
    const commentLen = bytes.readUInt16LE(p + 32);
    let localOffset = bytes.readUInt32LE(p + 42);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = flags & FLAG_UTF8 ? nameBytes.toString("utf8") : nameBytes.toString("latin1");
    // ZIP64 extended information: the 64-bit values of the fields that hold 0xFFFFFFFF, in this order.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = bytes.readUInt16LE(x);
      const len = bytes.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        if (size === MAX32) {
          size = Number(bytes.readBigUInt64LE(q));
          q += 8;
        }
        if (compressedSize === MAX32) {
          compressedSize = Number(bytes.readBigUInt64LE(q));
          q += 8;
        }
        if (localOffset === MAX32) localOffset = Number(bytes.readBigUInt64LE(q));
      }
      x += 4 + len;
    }
    if (flags & FLAG_ENCRYPTED) throw new ZipError("encrypted", `entry ${name} is encrypted`);
    entries.push({ name, method, flags, crc, compressedSize, size, time, date, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { bytes, entries };
}

/** The compressed bytes of an entry, as stored. */
export function rawEntryData(zip: ZipArchive, e: ZipEntry): Buffer {
  const b = zip.bytes;
  if (e.localOffset + 30 > b.length || b.readUInt32LE(e.localOffset) !== SIG_LOCAL) throw new ZipError("corrupt", `local header of ${e.name} missing`);
  const start = e.localOffset + 30 + b.readUInt16LE(e.localOffset + 26) + b.readUInt16LE(e.localOffset + 28);
  if (start + e.compressedSize > b.length) throw new ZipError("corrupt", `${e.name} is cut short`);
  return b.subarray(start, start + e.compressedSize);
}

let table: Uint32Array | undefined;

/** CRC-32 (the ZIP polynomial): zlib's own where Node has it (20.15+), else a table. */
export function crc32(data: Buffer): number {
  const native = (zlib as { crc32?: (d: Buffer) => number }).crc32;
  if (typeof native === "function") return native(data) >>> 0;
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Inflates one entry, producing at most `limit` bytes; the CRC and size are checked.
 * @throws ZipError `too_large` past the limit, `corrupt` on bad data, `unsupported` for methods other than store and deflate
 */
export function inflateEntry(zip: ZipArchive, e: ZipEntry, limit: number): Buffer {
  if (e.size > limit) throw new ZipError("too_large", `${e.name} is ${e.size} bytes uncompressed`);
  const raw = rawEntryData(zip, e);
  let out: Buffer;
  if (e.method === 0) out = raw;
  else if (e.method === 8) {
    try {
      out = inflateRawSync(raw, { maxOutputLength: Math.max(1, limit) });
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === "ERR_BUFFER_TOO_LARGE") throw new ZipError("too_large", `${e.name} inflates past ${limit} bytes`);
      throw new ZipError("corrupt", `${e.name} does not inflate`);
    }
  } else throw new ZipError("unsupported", `${e.name} uses compression method ${e.method}`);
  if (out.length !== e.size || crc32(out) !== e.crc) throw new ZipError("corrupt", `${e.name} fails its CRC or size check`);
  return out;
}

/** An entry to write: copied from an archive as it is, or new bytes to deflate. */
export type ZipOut = { readonly name: string; readonly copy: ZipEntry; readonly from: ZipArchive } | { readonly name: string; readonly data: Buffer };

/** DOS date of 1980-01-01 00:00 (new entries: deterministic output). */
const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1;

/**
 * Writes a ZIP archive. Copied entries keep their compressed bytes, method, CRC, sizes and time;
 * new entries are deflated (stored when deflating does not help).
 * @throws ZipError `too_large` for an archive past 4 GB (never written as ZIP64)
 * @example writeZip([{ name: "a.txt", data: Buffer.from("hi") }])
 */
export function writeZip(items: readonly ZipOut[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const it of items) {
    const name = Buffer.from(it.name, "utf8");
    let method: number, crc: number, size: number, data: Buffer, time: number, date: number;
    if ("copy" in it) {
      ({ method, crc, size, time, date } = it.copy);
      data = rawEntryData(it.from, it.copy);
    } else {
      crc = crc32(it.data);
      size = it.data.length;
      const deflated = deflateRawSync(it.data);
      [method, data] = deflated.length < it.data.length ? [8, deflated] : [0, it.data];
      time = 0;
      date = DOS_DATE_1980;
    }
    if (offset + data.length + 30 + name.length > MAX32 || size > MAX32) throw new ZipError("too_large", "archive past 4 GB");
    const flags = FLAG_UTF8; // no data descriptor: sizes and CRC are in the headers
    const local = Buffer.alloc(30);
    local.writeUInt32LE(SIG_LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(SIG_CENTRAL, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(flags, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt16LE(time, 12);
    cd.writeUInt16LE(date, 14);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    chunks.push(local, name, data);
    central.push(cd, name);
    offset += 30 + name.length + data.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  if (offset + cdSize > MAX32 || items.length > 0xfffe) throw new ZipError("too_large", "archive past 4 GB");
  const end = Buffer.alloc(22);
  end.writeUInt32LE(SIG_END, 0);
  end.writeUInt16LE(items.length, 8);
  end.writeUInt16LE(items.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
