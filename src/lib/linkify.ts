import { LinkifyIt } from "linkify-it";

const linkify = new LinkifyIt();

export type Segment = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

/**
 * Splits user text into plain text and http(s) links. Rendering the segments
 * as React text and <a> elements means no user string is ever parsed as HTML.
 */
export function linkifySegments(input: string): Segment[] {
  const matches = linkify.match(input) ?? [];
  const out: Segment[] = [];
  let last = 0;
  for (const m of matches) {
    if (!/^https?:\/\//i.test(m.url)) continue; // mailto:, ftp: and the like stay text
    if (m.index > last) out.push({ kind: "text", text: input.slice(last, m.index) });
    out.push({ kind: "link", text: m.text, href: m.url });
    last = m.lastIndex;
  }
  if (last < input.length) out.push({ kind: "text", text: input.slice(last) });
  return out;
}
