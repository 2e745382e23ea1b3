// "@handle" in a blog's sanitised HTML becomes a link to the user's space.
// Runs AFTER sanitize-html: the input is its well-formed output (every "<" in
// text is escaped as &lt;), so splitting on tags is exact, and what is
// inserted is built from [a-z0-9_] only. Text inside links, code and pre
// blocks is left alone (no nested anchors, code stays code).

const MENTION = /(?<![A-Za-z0-9_.@])@([A-Za-z0-9_]{3,20})(?![A-Za-z0-9_])/g;
const SKIP = new Set(["a", "code", "pre"]);

/** Every "@handle" in the HTML's text, lower-case, that a link would be made for (before knowing who exists). */
export function htmlMentionCandidates(html: string): string[] {
  return linkMentionsInHtml(html, null).handles;
}

/**
 * Links mentions of handles in `existing` (null: collect every candidate,
 * change nothing). Returns the HTML and the handles linked, in order.
 */
export function linkMentionsInHtml(html: string, existing: ReadonlySet<string> | null): { html: string; handles: string[] } {
  const handles = new Set<string>();
  let skipDepth = 0;
  const parts = html.split(/(<[^>]*>)/);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i % 2 === 1) {
      const tag = /^<(\/?)([a-z0-9]+)/i.exec(part);
      if (tag && SKIP.has(tag[2]!.toLowerCase()) && !part.endsWith("/>")) skipDepth += tag[1] ? -1 : 1;
      if (skipDepth < 0) skipDepth = 0;
      continue;
    }
    if (skipDepth > 0 || !part.includes("@")) continue;
    parts[i] = part.replace(MENTION, (whole, raw: string) => {
      const handle = raw.toLowerCase();
      if (existing === null) {
        handles.add(handle);
        return whole;
      }
      if (!existing.has(handle)) return whole;
      handles.add(handle);
      return `<a href="/u/${handle}" class="mention">${whole}</a>`;
    });
  }
  return { html: parts.join(""), handles: [...handles] };
}
