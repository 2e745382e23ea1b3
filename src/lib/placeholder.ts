// Turns a stored ThumbHash (base64) into a tiny PNG data URL to show while
// the real image loads. Pure JS and browser-safe: components import it too.
import { thumbHashToDataURL } from "thumbhash";

/** "data:image/png;base64,…" for a base64 ThumbHash, or "" when the hash is not valid. */
export function placeholderDataUrl(hash: string): string {
  try {
    const bytes = Uint8Array.from(atob(hash), (c) => c.charCodeAt(0));
    // A ThumbHash is at least 5 bytes (header + one AC byte); shorter input would read past the end.
    if (bytes.length < 5) return "";
    return thumbHashToDataURL(bytes);
  } catch {
    return "";
  }
}
