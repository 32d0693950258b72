#!/usr/bin/env node
/**
 * Draws ITCost's icon (a white hourglass on a rounded blue square: hours, and money running out)
 * at every size the manifest needs and writes PNGs to assets/. Run once: node scripts/make-icons.js
 * Uses only Node's zlib, so no image tools are needed.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const BRAND = [15, 108, 189]; // Fluent 2 brand blue #0F6CBD
const SIZES = [16, 32, 64, 80, 128];

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = [];
  for (let y = 0; y < size; y += 1) {
    rows.push(Buffer.from([0]), rgba.subarray(y * size * 4, (y + 1) * size * 4));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Coverage of the unit square's point (u, v) by each shape: 'bg', 'glass' or nothing. */
function shapeAt(u, v) {
  const radius = 0.2;
  const cx = Math.min(Math.max(u, radius), 1 - radius);
  const cy = Math.min(Math.max(v, radius), 1 - radius);
  const inSquare = (u - cx) ** 2 + (v - cy) ** 2 <= radius * radius;
  if (!inSquare) return null;
  const inBar = (v >= 0.17 && v <= 0.25) || (v >= 0.75 && v <= 0.83);
  const halfWidth = Math.abs(v - 0.5) * 0.8 + 0.04; // the hourglass narrows to a waist at v = 0.5
  const inGlass = v > 0.25 && v < 0.75 && Math.abs(u - 0.5) <= halfWidth;
  const inBarSpan = u >= 0.24 && u <= 0.76;
  // Sand: the lower bulb is filled below v = 0.6, the upper bulb above v = 0.42 is empty.
  const hollow = inGlass && v > 0.3 && v < 0.42 && Math.abs(u - 0.5) <= halfWidth - 0.07;
  if ((inBar && inBarSpan) || (inGlass && !hollow)) return 'glass';
  return 'bg';
}

function draw(size) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      let bg = 0;
      let glass = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const shape = shapeAt((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
          if (shape === 'bg') bg += 1;
          if (shape === 'glass') glass += 1;
        }
      }
      const total = samples * samples;
      const alpha = (bg + glass) / total;
      const white = alpha === 0 ? 0 : glass / (bg + glass);
      const offset = (y * size + x) * 4;
      for (let c = 0; c < 3; c += 1) rgba[offset + c] = Math.round(BRAND[c] * (1 - white) + 255 * white);
      rgba[offset + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(size, rgba);
}

const outDir = path.resolve(__dirname, '..', 'assets');
fs.mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  fs.writeFileSync(path.join(outDir, `icon-${size}.png`), draw(size));
}
console.log(`wrote ${SIZES.map((s) => `icon-${s}.png`).join(', ')} to ${outDir}`);
