// Demo images for `npm run seed` (prisma/seed-content.ts), generated with
// sharp: photo-like scenes (sky, sun, layered hills or sea or night lights,
// vignette, soft grain), deterministic per seed. Nothing is downloaded.
import sharp from "sharp";

export type Palette = { sky: [string, string]; sun: string; layers: [string, string, string]; night: [string, string] };

export const PALETTES: Record<string, Palette> = {
  autumn: { sky: ["#f9d29d", "#e8828a"], sun: "#fff1c1", layers: ["#c07a4f", "#8a4b32", "#4a261c"], night: ["#2b1b2e", "#0f0b14"] },
  hills: { sky: ["#a7c8f2", "#e6f2fb"], sun: "#fffbe6", layers: ["#8fb59a", "#4f7f63", "#24443a"], night: ["#10243a", "#050b14"] },
  winter: { sky: ["#d9c8f5", "#9cc7f0"], sun: "#ffffff", layers: ["#c4b5e3", "#8e8cc9", "#535a99"], night: ["#1e2140", "#0a0b1c"] },
  dusk: { sky: ["#ffb88c", "#6a5acd"], sun: "#ffe2b0", layers: ["#7b5ea7", "#4b3b7a", "#231b3d"], night: ["#1a1030", "#07040f"] },
};

export function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    return seed / 4294967296;
  };
}

/** A hill line across the width: a few sines with random phases. */
export function ridge(rand: () => number, w: number, h: number, base: number, amp: number): string {
  const waves = [0, 1, 2].map((i) => ({ f: (i + 1) * (0.8 + rand() * 1.6), p: rand() * Math.PI * 2, a: amp / (i + 1) }));
  const points: string[] = [];
  for (let x = 0; x <= w; x += w / 48) {
    const y = base + waves.reduce((s, v) => s + v.a * Math.sin((x / w) * Math.PI * 2 * v.f + v.p), 0);
    points.push(`${x.toFixed(1)},${y.toFixed(1)}`);
  }
  return `M0,${h} L${points.join(" L")} L${w},${h} Z`;
}

export type Scene = "hills" | "sea" | "lights";

export function sceneSvg(p: Palette, scene: Scene, seed: number, w: number, h: number): string {
  const rand = rng(seed);
  const sunX = w * (0.2 + rand() * 0.6);
  const sunY = h * (scene === "sea" ? 0.48 : 0.2 + rand() * 0.2);
  const sunR = Math.min(w, h) * (0.06 + rand() * 0.05);
  const defs = `
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.sky[1]}"/><stop offset="1" stop-color="${p.sky[0]}"/></linearGradient>
    <linearGradient id="night" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.night[1]}"/><stop offset="1" stop-color="${p.night[0]}"/></linearGradient>
    <linearGradient id="sea" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.layers[0]}"/><stop offset="1" stop-color="${p.layers[2]}"/></linearGradient>
    <radialGradient id="sun"><stop offset="0" stop-color="${p.sun}"/><stop offset="0.35" stop-color="${p.sun}" stop-opacity="0.9"/><stop offset="1" stop-color="${p.sun}" stop-opacity="0"/></radialGradient>
    <radialGradient id="vignette" cx="0.5" cy="0.5" r="0.75"><stop offset="0.6" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.45"/></radialGradient>
    <filter id="haze"><feGaussianBlur stdDeviation="${(w / 260).toFixed(1)}"/></filter>
    <filter id="bokeh"><feGaussianBlur stdDeviation="${(w / 90).toFixed(1)}"/></filter>`;
  let body: string;
  if (scene === "lights") {
    const dots = Array.from({ length: 26 }, () => {
      const c = [p.sun, p.sky[0], p.sky[1], p.layers[0]][Math.floor(rand() * 4)];
      return `<circle cx="${(rand() * w).toFixed(0)}" cy="${(h * (0.25 + rand() * 0.6)).toFixed(0)}" r="${(Math.min(w, h) * (0.02 + rand() * 0.07)).toFixed(0)}" fill="${c}" opacity="${(0.25 + rand() * 0.5).toFixed(2)}"/>`;
    }).join("");
    body = `<rect width="${w}" height="${h}" fill="url(#night)"/><g filter="url(#bokeh)">${dots}</g>`;
  } else if (scene === "sea") {
    const horizon = h * 0.55;
    const glints = Array.from({ length: 18 }, (_, i) => {
      const y = horizon + (i + 1) * ((h - horizon) / 20);
      const half = sunR * (0.4 + rand()) * (1 + i / 10);
      return `<rect x="${(sunX - half).toFixed(0)}" y="${y.toFixed(0)}" width="${(half * 2).toFixed(0)}" height="${(h / 260).toFixed(1)}" fill="${p.sun}" opacity="${(0.5 - i / 40).toFixed(2)}"/>`;
    }).join("");
    body = `<rect width="${w}" height="${h}" fill="url(#sky)"/>
      <circle cx="${sunX}" cy="${sunY}" r="${sunR * 3}" fill="url(#sun)"/>
      <path d="${ridge(rand, w, h, horizon - h * 0.03, h * 0.02)}" fill="${p.layers[1]}" opacity="0.6" filter="url(#haze)"/>
      <rect y="${horizon}" width="${w}" height="${h - horizon}" fill="url(#sea)"/>
      <g filter="url(#haze)">${glints}</g>`;
  } else {
    const hills = p.layers
      .map((c, i) => `<path d="${ridge(rand, w, h, h * (0.5 + i * 0.14), h * (0.08 - i * 0.015))}" fill="${c}"${i === 0 ? ' filter="url(#haze)" opacity="0.85"' : ""}/>`)
      .join("");
    body = `<rect width="${w}" height="${h}" fill="url(#sky)"/><circle cx="${sunX}" cy="${sunY}" r="${sunR * 3}" fill="url(#sun)"/>${hills}`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs>${defs}</defs>${body}<rect width="${w}" height="${h}" fill="url(#vignette)"/></svg>`;
}

// Making the noise is the slow part: one grain per picture size, shared.
const grains = new Map<string, Promise<Buffer>>();
export function grain(w: number, h: number): Promise<Buffer> {
  const key = `${w}x${h}`;
  if (!grains.has(key)) {
    grains.set(key, sharp({ create: { width: w, height: h, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 14 } } }).blur(0.6).raw().toBuffer());
  }
  return grains.get(key)!;
}

/** An SVG drawn, then a soft film grain over it, as a JPEG (what a phone would upload). */
export async function toJpeg(svg: string, w: number, h: number): Promise<Buffer> {
  const noise = { input: await grain(w, h), raw: { width: w, height: h, channels: 3 as const }, blend: "soft-light" as const };
  return sharp(Buffer.from(svg)).composite([noise]).jpeg({ quality: 86 }).toBuffer();
}

export const photo = (p: Palette, scene: Scene, seed: number, portrait = false) => {
  const [w, h] = portrait ? [1080, 1440] : [1600, 1067];
  return toJpeg(sceneSvg(p, scene, seed, w, h), w, h);
};

/** An avatar: soft overlapping blobs on a gradient, wider than tall so the crop matters. */
export function avatar(hue: number, seed: number): Promise<Buffer> {
  const rand = rng(seed);
  const [w, h] = [640, 480];
  const blob = (i: number) =>
    `<circle cx="${(w * (0.3 + rand() * 0.4)).toFixed(0)}" cy="${(h * (0.25 + rand() * 0.5)).toFixed(0)}" r="${(h * (0.18 + rand() * 0.18)).toFixed(0)}" fill="hsl(${(hue + 40 * (i + 1)) % 360},75%,${60 + i * 8}%)" opacity="0.8"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs>
    <linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},65%,55%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360},60%,30%)"/></linearGradient>
    <filter id="s"><feGaussianBlur stdDeviation="18"/></filter></defs>
    <rect width="${w}" height="${h}" fill="url(#g)"/><g filter="url(#s)">${[0, 1, 2].map(blob).join("")}</g></svg>`;
  return toJpeg(svg, w, h);
}

/** The blog's picture: a cup and an open book on a wooden table, in shapes. */
export function stillLife(): Promise<Buffer> {
  const [w, h] = [1200, 800];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs>
    <linearGradient id="wall" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#f3e3c7"/><stop offset="1" stop-color="#d9b98c"/></linearGradient>
    <linearGradient id="table" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#9c6b43"/><stop offset="1" stop-color="#5e3b22"/></linearGradient>
    <radialGradient id="light" cx="0.2" cy="0.1" r="0.8"><stop offset="0" stop-color="#fff8e1" stop-opacity="0.8"/><stop offset="1" stop-color="#fff8e1" stop-opacity="0"/></radialGradient>
    <filter id="soft"><feGaussianBlur stdDeviation="6"/></filter></defs>
    <rect width="${w}" height="${h}" fill="url(#wall)"/><rect y="${h * 0.55}" width="${w}" height="${h * 0.45}" fill="url(#table)"/>
    <ellipse cx="420" cy="640" rx="300" ry="40" fill="#000" opacity="0.25" filter="url(#soft)"/>
    <path d="M150,600 L420,560 L690,600 L690,620 L420,585 L150,620 Z" fill="#f7f2e8"/><path d="M420,560 L420,585" stroke="#c9bfae" stroke-width="4"/>
    <g stroke="#cfc5b3" stroke-width="3">${[0, 1, 2, 3].map((i) => `<path d="M${200 + i * 45},${595 - i * 6} l40,-6 M${470 + i * 45},${569 + i * 6} l40,6"/>`).join("")}</g>
    <ellipse cx="880" cy="650" rx="120" ry="24" fill="#000" opacity="0.25" filter="url(#soft)"/>
    <path d="M800,500 L960,500 L945,640 Q880,660 815,640 Z" fill="#eef3f6"/><ellipse cx="880" cy="500" rx="80" ry="16" fill="#6b3f25"/>
    <path d="M958,530 q50,10 30,60 q-12,24 -38,26" fill="none" stroke="#eef3f6" stroke-width="14"/>
    <path d="M860,470 q-20,-40 10,-80 M900,470 q-20,-40 10,-80" fill="none" stroke="#ffffff" stroke-width="6" opacity="0.5" filter="url(#soft)"/>
    <rect width="${w}" height="${h}" fill="url(#light)"/></svg>`;
  return toJpeg(svg, w, h);
}

