/**
 * `npx tsx scripts/generate-icon.ts`: draws build/icon.png (512×512) and build/icon.svg, the same monogram: a
 * white "C" with a dot in its opening on a blue-to-teal rounded square. The PNG is written with node:zlib only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const size = 512;
const corner = 112;
const center = 256;
const ringOuter = 150;
const ringInner = 98;
/** Half the opening of the C, to the right, in radians. */
const gap = (38 * Math.PI) / 180;
const ringMid = (ringOuter + ringInner) / 2;
const capRadius = (ringOuter - ringInner) / 2;
const dot = { x: center + ringMid, y: center, r: 30 };
const from = [0x2b, 0x59, 0xc3];
const to = [0x17, 0xa3, 0x8f];

function insideRoundedSquare(x: number, y: number): boolean {
  const dx = Math.max(corner - x, 0, x - (size - corner));
  const dy = Math.max(corner - y, 0, y - (size - corner));
  return dx * dx + dy * dy <= corner * corner;
}

function insideMonogram(x: number, y: number): boolean {
  const dx = x - center;
  const dy = y - center;
  const distance = Math.hypot(dx, dy);
  if (distance >= ringInner && distance <= ringOuter && Math.abs(Math.atan2(dy, dx)) >= gap) return true;
  for (const sign of [-1, 1]) {
    const cx = center + ringMid * Math.cos(gap);
    const cy = center + sign * ringMid * Math.sin(gap);
    if (Math.hypot(x - cx, y - cy) <= capRadius) return true;
  }
  return Math.hypot(x - dot.x, y - dot.y) <= dot.r;
}

/** RGBA pixels, 4×4 supersampled so edges are smooth. */
function draw(): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let background = 0;
      let mark = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const px = x + (sx + 0.5) / samples;
          const py = y + (sy + 0.5) / samples;
          if (!insideRoundedSquare(px, py)) continue;
          background++;
          if (insideMonogram(px, py)) mark++;
        }
      }
      const total = samples * samples;
      const t = (x + y) / (2 * size);
      const offset = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) {
        const base = from[c] + (to[c] - from[c]) * t;
        const value = background ? (base * (background - mark) + 255 * mark) / background : 0;
        pixels[offset + c] = Math.round(value);
      }
      pixels[offset + 3] = Math.round((255 * background) / total);
    }
  }
  return pixels;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodePng(pixels: Buffer, width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0; // filter: none
    pixels.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function svg(): string {
  const hex = (rgb: number[]) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
  const start = { x: center + ringMid * Math.cos(gap), y: center - ringMid * Math.sin(gap) };
  const end = { x: start.x, y: center + ringMid * Math.sin(gap) };
  const f = (n: number) => Number(n.toFixed(2));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <title>Candid</title>
  <defs>
    <linearGradient id="background" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${hex(from)}"/>
      <stop offset="1" stop-color="${hex(to)}"/>
    </linearGradient>
  </defs>
  <rect width="${size}" height="${size}" rx="${corner}" fill="url(#background)"/>
  <path d="M ${f(start.x)} ${f(start.y)} A ${ringMid} ${ringMid} 0 1 0 ${f(end.x)} ${f(end.y)}" fill="none" stroke="#ffffff" stroke-width="${ringOuter - ringInner}" stroke-linecap="round"/>
  <circle cx="${dot.x}" cy="${dot.y}" r="${dot.r}" fill="#ffffff"/>
</svg>
`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const buildDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'build');
  fs.mkdirSync(buildDir, { recursive: true });
  fs.writeFileSync(path.join(buildDir, 'icon.png'), encodePng(draw(), size, size));
  fs.writeFileSync(path.join(buildDir, 'icon.svg'), svg());
  console.log(`Wrote ${path.join(buildDir, 'icon.png')} and icon.svg`);
}
