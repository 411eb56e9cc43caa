/**
 * Draws the Teams app icons from SVG and writes them into appPackage/:
 *   color.png   192x192, full colour
 *   outline.png  32x32, white on a transparent background (white + alpha only)
 *
 * Run: `npx tsx scripts/make-icons.ts` (the PNGs are committed; run again after changing the SVG).
 * The letters are drawn as paths, not text, so the result does not depend on installed fonts.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';

export const COLOR_SIZE = 192;
export const OUTLINE_SIZE = 32;

/** Palette: calm navy and teal. */
const NAVY = '#0B2545';
const TEAL = '#0E6E73';
const LIGHT_TEAL = '#5EC4B6';

/** A shield whose top is a calendar header (two binder rings), with "JT" for Joint Targeted. */
export const COLOR_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="192" height="192" viewBox="0 0 192 192">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${TEAL}"/>
      <stop offset="1" stop-color="${NAVY}"/>
    </linearGradient>
    <clipPath id="shield">
      <path d="M46 52 C68 52 84 46 96 38 C108 46 124 52 146 52 V98 C146 128 125 148 96 160 C67 148 46 128 46 98 Z"/>
    </clipPath>
  </defs>
  <rect width="192" height="192" fill="url(#bg)"/>
  <path d="M46 52 C68 52 84 46 96 38 C108 46 124 52 146 52 V98 C146 128 125 148 96 160 C67 148 46 128 46 98 Z" fill="#FFFFFF"/>
  <rect x="40" y="30" width="112" height="40" fill="${LIGHT_TEAL}" clip-path="url(#shield)"/>
  <rect x="68" y="28" width="10" height="26" rx="5" fill="${NAVY}" stroke="#FFFFFF" stroke-width="3"/>
  <rect x="114" y="28" width="10" height="26" rx="5" fill="${NAVY}" stroke="#FFFFFF" stroke-width="3"/>
  <g fill="none" stroke="${NAVY}" stroke-width="11">
    <path d="M70 82 H90 M84 82 V116 A13 13 0 0 1 58 116" stroke-linecap="butt"/>
    <path d="M98 82 H136 M117 82 V132"/>
  </g>
</svg>`;

/** The same mark as a white silhouette: a filled shield with binder rings, "JT" knocked out. */
export const OUTLINE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">
  <defs>
    <mask id="letters" maskUnits="userSpaceOnUse" x="0" y="0" width="32" height="32">
      <rect width="32" height="32" fill="#FFFFFF"/>
      <g fill="none" stroke="#000000" stroke-width="2.2">
        <path d="M11 13 H15 M14 13 V19.2 A2.6 2.6 0 0 1 8.8 19.2"/>
        <path d="M16.8 13 H23.6 M20.2 13 V23.2"/>
      </g>
      <rect x="9" y="1.5" width="5" height="8.6" rx="2.5" fill="#000000"/>
      <rect x="18" y="1.5" width="5" height="8.6" rx="2.5" fill="#000000"/>
    </mask>
  </defs>
  <path d="M5 8.5 C9.5 8.5 13 7.2 16 5 C19 7.2 22.5 8.5 27 8.5 V16.5 C27 22 23 25.8 16 28.5 C9 25.8 5 22 5 16.5 Z" fill="#FFFFFF" mask="url(#letters)"/>
  <rect x="10" y="2.5" width="3" height="6" rx="1.5" fill="#FFFFFF"/>
  <rect x="19" y="2.5" width="3" height="6" rx="1.5" fill="#FFFFFF"/>
</svg>`;

export interface DecodedPng {
  width: number;
  height: number;
  /** 8-bit RGBA, row by row, no padding. */
  rgba: Uint8Array;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes 8-bit RGBA pixels as a PNG (filter type 0 on every row). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4)
    throw new Error(`expected ${width * height * 4} bytes of RGBA, got ${rgba.length}`);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Reads width and height from a PNG's IHDR without decoding the pixels. */
export function readPngSize(png: Uint8Array): { width: number; height: number } {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(PNG_SIGNATURE) || buf.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG file');
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/**
 * A small PNG decoder for what icon tools write: 8-bit greyscale, grey+alpha, RGB, RGBA or
 * palette (with tRNS), not interlaced. Enough to check the icons' pixels in tests.
 */
export function decodePng(png: Uint8Array): DecodedPng {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  const { width, height } = readPngSize(buf);
  const bitDepth = buf[24];
  const colourType = buf[25];
  const interlace = buf[28];
  if (bitDepth !== 8) throw new Error(`unsupported PNG bit depth ${String(bitDepth)}`);
  if (interlace !== 0) throw new Error('interlaced PNGs are not supported');
  const channelsByType: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
  const channels = colourType === undefined ? undefined : channelsByType[colourType];
  if (channels === undefined) throw new Error(`unsupported PNG colour type ${String(colourType)}`);

  const idat: Buffer[] = [];
  let palette: Buffer | undefined;
  let transparency: Buffer | undefined;
  for (let at = 8; at + 8 <= buf.length;) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    if (type === 'IDAT') idat.push(data);
    else if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') transparency = data;
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length < (stride + 1) * height) throw new Error('PNG image data is truncated');

  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= channels ? (pixels[y * stride + x - channels] ?? 0) : 0;
      const up = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= channels && y > 0 ? (pixels[(y - 1) * stride + x - channels] ?? 0) : 0;
      let predicted: number;
      switch (filter) {
        case 0:
          predicted = 0;
          break;
        case 1:
          predicted = left;
          break;
        case 2:
          predicted = up;
          break;
        case 3:
          predicted = (left + up) >> 1;
          break;
        case 4:
          predicted = paeth(left, up, upLeft);
          break;
        default:
          throw new Error(`bad PNG filter type ${String(filter)} on row ${y}`);
      }
      pixels[y * stride + x] = (value + predicted) & 0xff;
    }
  }

  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const p = i * channels;
    let r: number, g: number, b: number, a: number;
    switch (colourType) {
      case 0:
        r = g = b = pixels[p] ?? 0;
        a = 255;
        break;
      case 4:
        r = g = b = pixels[p] ?? 0;
        a = pixels[p + 1] ?? 0;
        break;
      case 2:
        r = pixels[p] ?? 0;
        g = pixels[p + 1] ?? 0;
        b = pixels[p + 2] ?? 0;
        a = 255;
        break;
      case 3: {
        const index = pixels[p] ?? 0;
        if (!palette) throw new Error('palette PNG without PLTE');
        r = palette[index * 3] ?? 0;
        g = palette[index * 3 + 1] ?? 0;
        b = palette[index * 3 + 2] ?? 0;
        a = transparency?.[index] ?? 255;
        break;
      }
      default:
        r = pixels[p] ?? 0;
        g = pixels[p + 1] ?? 0;
        b = pixels[p + 2] ?? 0;
        a = pixels[p + 3] ?? 0;
    }
    rgba.set([r, g, b, a], i * 4);
  }
  return { width, height, rgba };
}

function render(svg: string, size: number): { width: number; height: number; png: Buffer; rgba: Uint8Array } {
  const image = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false },
    logLevel: 'error',
  }).render();
  return { width: image.width, height: image.height, png: image.asPng(), rgba: new Uint8Array(image.pixels) };
}

/** The colour icon as resvg writes it. */
export function makeColorPng(): Buffer {
  return render(COLOR_SVG, COLOR_SIZE).png;
}

/**
 * The outline icon: every pixel's colour is set to pure white and only alpha carries the
 * shape (anti-aliased edges would otherwise come back as off-white after un-premultiplying).
 */
export function makeOutlinePng(): Buffer {
  const { width, height, rgba } = render(OUTLINE_SVG, OUTLINE_SIZE);
  for (let i = 0; i < rgba.length; i += 4) {
    const visible = (rgba[i + 3] ?? 0) > 0;
    rgba[i] = rgba[i + 1] = rgba[i + 2] = visible ? 255 : 0;
  }
  return encodePng(width, height, rgba);
}

/** What Teams asks of the two icons; returns the problems found (empty when both are fine). */
export function checkIcons(colorPng: Uint8Array, outlinePng: Uint8Array): string[] {
  const problems: string[] = [];
  const color = decodePng(colorPng);
  if (color.width !== COLOR_SIZE || color.height !== COLOR_SIZE) {
    problems.push(`color.png is ${color.width}x${color.height}, expected ${COLOR_SIZE}x${COLOR_SIZE}`);
  }
  const outline = decodePng(outlinePng);
  if (outline.width !== OUTLINE_SIZE || outline.height !== OUTLINE_SIZE) {
    problems.push(`outline.png is ${outline.width}x${outline.height}, expected ${OUTLINE_SIZE}x${OUTLINE_SIZE}`);
  }
  let transparent = 0;
  let opaqueWhite = 0;
  let notWhite = 0;
  for (let i = 0; i < outline.rgba.length; i += 4) {
    const [r, g, b, a] = [outline.rgba[i], outline.rgba[i + 1], outline.rgba[i + 2], outline.rgba[i + 3]];
    if (a === 0) transparent++;
    else if (r === 255 && g === 255 && b === 255) opaqueWhite++;
    else notWhite++;
  }
  if (notWhite > 0) problems.push(`outline.png has ${notWhite} visible pixels that are not pure white`);
  if (transparent === 0) problems.push('outline.png has no transparent background');
  if (opaqueWhite === 0) problems.push('outline.png has no white pixels');
  return problems;
}

function main(): void {
  const outDir = path.resolve(__dirname, '..', 'appPackage');
  const colorPng = makeColorPng();
  const outlinePng = makeOutlinePng();
  const problems = checkIcons(colorPng, outlinePng);
  if (problems.length > 0) {
    console.error(`Icons not written:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
    return;
  }
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'color.png'), colorPng);
  fs.writeFileSync(path.join(outDir, 'outline.png'), outlinePng);
  console.log(`Wrote ${path.join(outDir, 'color.png')} (${COLOR_SIZE}x${COLOR_SIZE}, ${colorPng.length} bytes)`);
  console.log(
    `Wrote ${path.join(outDir, 'outline.png')} (${OUTLINE_SIZE}x${OUTLINE_SIZE}, ${outlinePng.length} bytes)`,
  );
}

if (require.main === module) main();
