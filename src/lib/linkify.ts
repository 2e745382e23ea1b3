import { LinkifyIt, type Match } from "linkify-it";

const linkify = new LinkifyIt();

export type Segment =
  | { kind: "text"; text: string }
  | { kind: "link"; text: string; href: string }
  /** "@handle" of an existing user, linking to their space (filled on the server by src/server/mentions). */
  | { kind: "mention"; text: string; handle: string };

/**
 * linkify-it wants a non-letter before "http", but Chinese text runs straight
 * into links ("看这个https://…"), so links starting right after a letter are
 * found separately with matchAtStart.
 */
function findLinks(input: string): Match[] {
  const found = [...(linkify.match(input) ?? [])];
  const covered = (i: number) => found.some((m) => i >= m.index && i < m.lastIndex);
  for (const hit of input.matchAll(/https?:\/\//gi)) {
    const at = hit.index;
    if (covered(at)) continue;
    const m = linkify.matchAtStart(input.slice(at));
    if (m) found.push({ ...m, index: at + m.index, lastIndex: at + m.lastIndex } as Match);
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Splits user text into plain text and http(s) links. Rendering the segments
 * as React text and <a> elements means no user string is ever parsed as HTML.
 */
export function linkifySegments(input: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of findLinks(input)) {
    if (!/^https?:\/\//i.test(m.url) || m.index < last) continue; // mailto:, ftp: and the like stay text
    if (m.index > last) out.push({ kind: "text", text: input.slice(last, m.index) });
    out.push({ kind: "link", text: m.text, href: m.url });
    last = m.lastIndex;
  }
  if (last < input.length) out.push({ kind: "text", text: input.slice(last) });
  return out;
}
