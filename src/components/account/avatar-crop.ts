// The avatar editor's square crop as plain numbers, kept apart from the UI so
// the maths is easy to read. Everything is in the image's natural pixels (as
// the browser displays it: EXIF orientation applied, which is also what the
// server crops after sharp's .rotate()).

export type Size = { width: number; height: number };
/** The square's top-left corner and side, in natural pixels. */
export type CropSquare = { x: number; y: number; side: number };
/** What the server takes (src/server/media/image.ts SquareCrop): left/top as fractions of the width/height, size of the shorter side. */
export type CropFractions = { left: number; top: number; size: number };

export const MIN_ZOOM = 1;
export const MAX_ZOOM = 4;

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/** The side of the square at a zoom: zoom 1 is the largest square that fits (the shorter side). */
export const sideAt = (image: Size, zoom: number) => Math.min(image.width, image.height) / clamp(zoom, MIN_ZOOM, MAX_ZOOM);

/** Keeps the square inside the image. */
export function clampSquare(image: Size, sq: CropSquare): CropSquare {
  const side = Math.min(sq.side, image.width, image.height);
  return { side, x: clamp(sq.x, 0, image.width - side), y: clamp(sq.y, 0, image.height - side) };
}

/** The starting crop: the largest centred square. */
export function initialSquare(image: Size): CropSquare {
  const side = sideAt(image, 1);
  return { side, x: (image.width - side) / 2, y: (image.height - side) / 2 };
}

/** Moves the square by (dx, dy) natural pixels (dragging the image right moves the square left). */
export function panBy(image: Size, sq: CropSquare, dx: number, dy: number): CropSquare {
  return clampSquare(image, { ...sq, x: sq.x + dx, y: sq.y + dy });
}

/** Changes the zoom around the square's centre, so what the user looks at stays put. */
export function zoomTo(image: Size, sq: CropSquare, zoom: number): CropSquare {
  const side = sideAt(image, zoom);
  const cx = sq.x + sq.side / 2;
  const cy = sq.y + sq.side / 2;
  return clampSquare(image, { side, x: cx - side / 2, y: cy - side / 2 });
}

export const zoomOf = (image: Size, sq: CropSquare) => Math.min(image.width, image.height) / sq.side;

export function toFractions(image: Size, sq: CropSquare): CropFractions {
  const round = (n: number) => Math.round(n * 1e5) / 1e5;
  return { left: round(sq.x / image.width), top: round(sq.y / image.height), size: round(sq.side / Math.min(image.width, image.height)) };
}

/**
 * CSS for the <img> inside a square box of any size so that the box shows
 * exactly the square: the image is scaled so that `side` spans the box, then
 * moved by translate() percentages of its own size. The same style serves
 * the big editor and the small round preview.
 */
export function imageStyle(image: Size, sq: CropSquare): React.CSSProperties {
  return {
    position: "absolute",
    left: 0,
    top: 0,
    width: `${(image.width / sq.side) * 100}%`,
    height: `${(image.height / sq.side) * 100}%`,
    maxWidth: "none",
    transformOrigin: "0 0",
    transform: `translate(${(-sq.x / image.width) * 100}%, ${(-sq.y / image.height) * 100}%)`,
  };
}
