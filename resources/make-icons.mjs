#!/usr/bin/env node
// Generates the Stowage application icons into resources/.
//
//   node resources/make-icons.mjs
//
// Plain Node, no dependencies: the artwork is described as signed-distance
// fields, rasterised with analytic anti-aliasing (plus supersampling at small
// sizes), encoded as PNG with node:zlib, and packed into .ico / .icns
// containers by hand. Output is deterministic, so re-running it on an
// unchanged script yields byte-identical files.
//
// Outputs:
//   resources/icon.png            1024x1024 master
//   resources/icon.icns           macOS (PNG entries, 16..1024 incl. @2x types)
//   resources/icon.ico            Windows (16,24,32,48,64,128 as 32-bit DIB, 256 as PNG)
//   resources/icons/NxN.png       Linux (16,32,48,64,128,256,512)

import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'resources');

// ---------------------------------------------------------------------------
// Small vector helpers / SDF primitives (all in "tile units": the rounded
// tile spans [0,1] x [0,1], y grows downwards).
// ---------------------------------------------------------------------------

const clamp = (v, lo, hi) => (v < lo ? lo : v > hi ? hi : v);
const mix = (a, b, t) => a + (b - a) * t;
const smoothstep = (e0, e1, x) => {
  const t = clamp((x - e0) / (e1 - e0), 0, 1);
  return t * t * (3 - 2 * t);
};

/** Signed distance to an axis-aligned rounded box. */
function sdRoundBox(px, py, cx, cy, hw, hh, r) {
  const qx = Math.abs(px - cx) - (hw - r);
  const qy = Math.abs(py - cy) - (hh - r);
  const ox = Math.max(qx, 0);
  const oy = Math.max(qy, 0);
  return Math.hypot(ox, oy) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Horizontal pill (stadium) centred at cx,cy. */
function sdPill(px, py, cx, cy, hw, hh) {
  return sdRoundBox(px, py, cx, cy, hw, hh, Math.min(hw, hh));
}

// ---------------------------------------------------------------------------
// Artwork
// ---------------------------------------------------------------------------

const TILE_RADIUS = 0.2245; // ~185/824, the macOS Big Sur squircle-ish corner
const TEAL = [20, 170, 170];
const BLUE = [20, 52, 122];
const CRATE_TOP = [255, 255, 255];
const CRATE_BOTTOM = [222, 235, 242];

/**
 * Small sizes are hand-hinted: crate edges, gaps, grooves and handle slots sit
 * on whole output pixels so nothing turns to mush. Values are canvas pixels:
 *   tile: margin around the tile; crates: [x0, x1, y0, y1] (top, left, right);
 *   lid: rows of lid above a 1px groove (0 = no groove); handle: [w, h, dy]
 *   (dy = offset of the slot's top edge below the groove), or null.
 */
const HINTED = {
  16: { tile: 0, r: 0.6, crates: [[5, 11, 3, 7], [2, 7, 8, 12], [9, 14, 8, 12]], lid: 0, handle: null },
  24: { tile: 1, r: 0.8, crates: [[8, 16, 5, 10], [4, 11, 12, 17], [13, 20, 12, 17]], lid: 0, handle: null },
  32: { tile: 1, r: 1.0, crates: [[11, 21, 8, 15], [5, 15, 17, 24], [17, 27, 17, 24]], lid: 2, handle: null },
  48: { tile: 3, r: 1.4, crates: [[17, 31, 13, 23], [9, 23, 25, 35], [25, 39, 25, 35]], lid: 3, handle: [6, 2, 2] },
  64: { tile: 4, r: 1.8, crates: [[23, 41, 18, 31], [13, 31, 33, 46], [33, 51, 33, 46]], lid: 4, handle: [8, 2, 3] },
};

/**
 * Geometry for one output size, everything converted to tile units.
 * Crates carry their own groove / handle description so shading code does not
 * care whether the layout was hinted or derived from the master proportions.
 */
function layoutFor(size) {
  const hinted = HINTED[size];
  if (hinted) {
    const tilePx = size - 2 * hinted.tile;
    const toU = (p) => (p - hinted.tile) / tilePx;
    const crates = hinted.crates.map(([x0, x1, y0, y1]) => {
      const c = {
        cx: toU((x0 + x1) / 2),
        cy: toU((y0 + y1) / 2),
        hw: (x1 - x0) / 2 / tilePx,
        hh: (y1 - y0) / 2 / tilePx,
        groove: null,
        handle: null,
      };
      if (hinted.lid) {
        c.groove = { y: toU(y0 + hinted.lid + 0.5), half: 0.5 / tilePx };
        if (hinted.handle) {
          const [w, h, dy] = hinted.handle;
          c.handle = {
            cx: c.cx,
            cy: toU(y0 + hinted.lid + 1 + dy + h / 2),
            hw: w / 2 / tilePx,
            hh: h / 2 / tilePx,
          };
        }
      }
      return c;
    });
    return {
      inset: hinted.tile / size,
      tilePx,
      crates,
      crateRadius: hinted.r / tilePx,
      shadow: false,
    };
  }

  // Master proportions (used for 128 px and up), in tile units.
  const inset = Math.round((100 / 1024) * size) / size;
  const tilePx = size * (1 - 2 * inset);
  const w = 0.31;
  const h = 0.21;
  const gap = 0.04;
  const totalH = 2 * h + gap;
  const top = 0.5 - totalH / 2 + 0.005;
  const crates = [
    { cx: 0.5, cy: top + h / 2 },
    { cx: 0.5 - (w + gap) / 2, cy: top + h + gap + h / 2 },
    { cx: 0.5 + (w + gap) / 2, cy: top + h + gap + h / 2 },
  ].map((c) => {
    const y0 = c.cy - h / 2;
    return {
      ...c,
      hw: w / 2,
      hh: h / 2,
      groove: { y: y0 + 0.3 * h, half: 0.009 },
      handle: { cx: c.cx, cy: y0 + 0.65 * h, hw: 0.36 * (w / 2), hh: 0.0185 },
    };
  });
  return { inset, tilePx, crates, crateRadius: 0.035, shadow: true };
}

/** Signed distance to one crate (lid + body separated by a groove, handle slot). */
function sdCrate(px, py, c, L) {
  let d = sdRoundBox(px, py, c.cx, c.cy, c.hw, c.hh, L.crateRadius);
  if (c.groove) d = Math.max(d, -(Math.abs(py - c.groove.y) - c.groove.half));
  if (c.handle) d = Math.max(d, -sdPill(px, py, c.handle.cx, c.handle.cy, c.handle.hw, c.handle.hh));
  return d;
}

/**
 * Colour of one sample point, returned as premultiplied [r,g,b,a] in 0..1.
 * (u,v) are tile units; pxScale converts tile units to output pixels.
 */
function shade(u, v, L, pxScale, subScale, out) {
  // Coverage from a signed distance in tile units: analytic box filter over
  // one (sub)pixel footprint.
  const cov = (d) => clamp(0.5 - d * pxScale * subScale, 0, 1);

  let r = 0, g = 0, b = 0, a = 0;
  const over = (sr, sg, sb, sa) => {
    // straight-alpha source over premultiplied destination
    r = sr * sa + r * (1 - sa);
    g = sg * sa + g * (1 - sa);
    b = sb * sa + b * (1 - sa);
    a = sa + a * (1 - sa);
  };

  // 1. Soft drop shadow under the tile (macOS-style grid only).
  if (L.shadow) {
    const ds = sdRoundBox(u, v, 0.5, 0.5 + 0.012, 0.5, 0.5, TILE_RADIUS);
    const sa = 0.32 * (1 - smoothstep(-0.02, 0.03, ds));
    if (sa > 0) over(0, 0, 0, sa);
  }

  // 2. The tile itself: diagonal teal -> deep blue gradient with a faint top sheen.
  const dTile = sdRoundBox(u, v, 0.5, 0.5, 0.5, 0.5, TILE_RADIUS);
  const tileCov = cov(dTile);
  if (tileCov <= 0) {
    out[0] = r; out[1] = g; out[2] = b; out[3] = a;
    return;
  }
  const t = clamp(0.2 * u + 0.8 * v, 0, 1);
  const tt = smoothstep(0, 1, t);
  const sheen = 0.1 * Math.pow(clamp(1 - v * 1.6, 0, 1), 2);
  let tr = mix(TEAL[0], BLUE[0], tt) / 255;
  let tg = mix(TEAL[1], BLUE[1], tt) / 255;
  let tb = mix(TEAL[2], BLUE[2], tt) / 255;
  tr += (1 - tr) * sheen;
  tg += (1 - tg) * sheen;
  tb += (1 - tb) * sheen;
  over(tr, tg, tb, tileCov);

  // 3. Soft contact shadows under the crates (inside the tile only).
  if (L.shadow) {
    let ds = Infinity;
    for (const c of L.crates) {
      ds = Math.min(ds, sdRoundBox(u, v - 0.014, c.cx, c.cy, c.hw, c.hh, L.crateRadius));
    }
    const sa = 0.28 * (1 - smoothstep(-0.01, 0.035, ds)) * tileCov;
    if (sa > 0) over(0.02, 0.06, 0.16, sa);
  }

  // 4. The white crates, with a gentle top-to-bottom shade each.
  for (const c of L.crates) {
    const d = sdCrate(u, v, c, L);
    const ca = cov(d);
    if (ca <= 0) continue;
    const k = clamp((v - (c.cy - c.hh)) / (2 * c.hh), 0, 1);
    over(
      mix(CRATE_TOP[0], CRATE_BOTTOM[0], k) / 255,
      mix(CRATE_TOP[1], CRATE_BOTTOM[1], k) / 255,
      mix(CRATE_TOP[2], CRATE_BOTTOM[2], k) / 255,
      ca,
    );
  }

  out[0] = r; out[1] = g; out[2] = b; out[3] = a;
}

/** Render the icon at size x size; returns straight-alpha RGBA8 pixels. */
function render(size) {
  const L = layoutFor(size);
  const n = size >= 512 ? 2 : size >= 128 ? 3 : 5; // supersampling grid
  const pxScale = L.tilePx; // tile units -> pixels
  const rgba = Buffer.alloc(size * size * 4);
  const s = [0, 0, 0, 0];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const fx = (x + (sx + 0.5) / n) / size;
          const fy = (y + (sy + 0.5) / n) / size;
          const u = (fx - L.inset) / (1 - 2 * L.inset);
          const v = (fy - L.inset) / (1 - 2 * L.inset);
          shade(u, v, L, pxScale, n, s);
          r += s[0]; g += s[1]; b += s[2]; a += s[3];
        }
      }
      const nn = n * n;
      r /= nn; g /= nn; b /= nn; a /= nn;
      const i = (y * size + x) * 4;
      if (a > 0) {
        rgba[i] = Math.round(clamp(r / a, 0, 1) * 255);
        rgba[i + 1] = Math.round(clamp(g / a, 0, 1) * 255);
        rgba[i + 2] = Math.round(clamp(b / a, 0, 1) * 255);
        rgba[i + 3] = Math.round(clamp(a, 0, 1) * 255);
      }
    }
  }
  return rgba;
}

// ---------------------------------------------------------------------------
// PNG encoder (RGBA8, per-row adaptive filtering, zlib level 9)
// ---------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  if (pb <= pc) return b;
  return c;
}

function encodePng(rgba, width, height) {
  const bpp = 4;
  const stride = width * bpp;
  const raw = Buffer.alloc((stride + 1) * height);
  const cand = Array.from({ length: 5 }, () => Buffer.alloc(stride));
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    const prev = y > 0 ? row - stride : -1;
    let best = 0;
    let bestScore = Infinity;
    for (let f = 0; f < 5; f++) {
      const outRow = cand[f];
      let score = 0;
      for (let i = 0; i < stride; i++) {
        const x = rgba[row + i];
        const a = i >= bpp ? rgba[row + i - bpp] : 0;
        const b = prev >= 0 ? rgba[prev + i] : 0;
        const c = prev >= 0 && i >= bpp ? rgba[prev + i - bpp] : 0;
        let v;
        switch (f) {
          case 0: v = x; break;
          case 1: v = x - a; break;
          case 2: v = x - b; break;
          case 3: v = x - ((a + b) >> 1); break;
          default: v = x - paeth(a, b, c);
        }
        v &= 0xff;
        outRow[i] = v;
        score += v < 128 ? v : 256 - v;
      }
      if (score < bestScore) {
        bestScore = score;
        best = f;
      }
    }
    const o = y * (stride + 1);
    raw[o] = best;
    cand[best].copy(raw, o + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------
// ICO: 32-bit BGRA DIB entries below 256 px (maximum compatibility), PNG for 256.
// ---------------------------------------------------------------------------

function encodeDib(rgba, size) {
  const maskStride = Math.ceil(size / 32) * 4;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0); // biSize
  header.writeInt32LE(size, 4); // biWidth
  header.writeInt32LE(size * 2, 8); // biHeight (XOR + AND masks)
  header.writeUInt16LE(1, 12); // biPlanes
  header.writeUInt16LE(32, 14); // biBitCount
  header.writeUInt32LE(0, 16); // BI_RGB
  header.writeUInt32LE(size * size * 4 + maskStride * size, 20);
  const pixels = Buffer.alloc(size * size * 4);
  const mask = Buffer.alloc(maskStride * size);
  for (let y = 0; y < size; y++) {
    const dstRow = size - 1 - y; // bottom-up
    for (let x = 0; x < size; x++) {
      const s = (y * size + x) * 4;
      const d = (dstRow * size + x) * 4;
      pixels[d] = rgba[s + 2];
      pixels[d + 1] = rgba[s + 1];
      pixels[d + 2] = rgba[s];
      pixels[d + 3] = rgba[s + 3];
      if (rgba[s + 3] === 0) mask[dstRow * maskStride + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return Buffer.concat([header, pixels, mask]);
}

function encodeIco(images /* [{ size, data }] */) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  const dir = Buffer.alloc(16 * images.length);
  let offset = 6 + dir.length;
  images.forEach(({ size, data }, i) => {
    const o = i * 16;
    dir[o] = size >= 256 ? 0 : size;
    dir[o + 1] = size >= 256 ? 0 : size;
    dir[o + 2] = 0; // palette colours
    dir[o + 3] = 0; // reserved
    dir.writeUInt16LE(1, o + 4); // planes
    dir.writeUInt16LE(32, o + 6); // bpp
    dir.writeUInt32LE(data.length, o + 8);
    dir.writeUInt32LE(offset, o + 12);
    offset += data.length;
  });
  return Buffer.concat([header, dir, ...images.map((im) => im.data)]);
}

// ---------------------------------------------------------------------------
// ICNS: PNG payloads for every modern type (mirrors what iconutil produces).
// ---------------------------------------------------------------------------

const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024], // 512@2x
  ['ic11', 32], // 16@2x
  ['ic12', 64], // 32@2x
  ['ic13', 256], // 128@2x
  ['ic14', 512], // 256@2x
];

function encodeIcns(pngBySize) {
  const entries = ICNS_TYPES.map(([type, size]) => {
    const png = pngBySize.get(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(entries);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + body.length, 4);
  return Buffer.concat([head, body]);
}

// ---------------------------------------------------------------------------

function write(path, data) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
  console.log(`wrote ${relative(ROOT, path)} (${data.length} bytes)`);
}

const ALL_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const rgbaBySize = new Map();
const pngBySize = new Map();
for (const size of ALL_SIZES) {
  const rgba = render(size);
  rgbaBySize.set(size, rgba);
  pngBySize.set(size, encodePng(rgba, size, size));
}

write(join(OUT, 'icon.png'), pngBySize.get(1024));

for (const size of [16, 32, 48, 64, 128, 256, 512]) {
  write(join(OUT, 'icons', `${size}x${size}.png`), pngBySize.get(size));
}

write(
  join(OUT, 'icon.ico'),
  encodeIco(
    [16, 24, 32, 48, 64, 128, 256].map((size) => ({
      size,
      data: size >= 256 ? pngBySize.get(size) : encodeDib(rgbaBySize.get(size), size),
    })),
  ),
);

write(join(OUT, 'icon.icns'), encodeIcns(pngBySize));
