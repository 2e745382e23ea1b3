// @mentions in user text: "@handle" where handle follows the sign-up rule
// (src/lib/validation/user.ts HANDLE_PATTERN: 3-20 of [a-z0-9_]). Pure, so
// the server (links, notifications) and the browser (autocomplete) agree.
import type { Segment } from "./linkify";

/**
 * An "@" not preceded by a word character, a dot or another "@" (so e-mail
 * addresses and "a@b" stay text; Chinese text may run straight into a
 * mention: "你好@bob"), then a handle not followed by more handle characters.
 * Handles are lower-case; "@Bob" mentions bob.
 */
const MENTION = /(?<![A-Za-z0-9_.@])@([A-Za-z0-9_]{3,20})(?![A-Za-z0-9_])/g;

/** At most this many people are notified by one item (a list of 200 handles is spam, not a mention). */
export const MAX_MENTIONS = 10;

/** The distinct handles mentioned in `text`, lower-case, in order of appearance (all of them). */
export function mentionedHandles(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(MENTION)) out.add(m[1]!.toLowerCase());
  return [...out];
}

/** The handles mentioned in the text parts of already linkified segments (links are left alone). */
export function segmentHandles(segments: readonly Segment[]): string[] {
  return segments.flatMap((s) => (s.kind === "text" ? mentionedHandles(s.text) : []));
}

/**
 * Splits the text segments at mentions of handles in `existing` (the others
 * stay text, so "@nobody" is not a link to a missing space).
 */
export function splitMentions(segments: readonly Segment[], existing: ReadonlySet<string>): Segment[] {
  const out: Segment[] = [];
  const pushText = (text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last?.kind === "text") out[out.length - 1] = { kind: "text", text: last.text + text };
    else out.push({ kind: "text", text });
  };
  for (const s of segments) {
    if (s.kind !== "text") {
      out.push(s);
      continue;
    }
    let at = 0;
    for (const m of s.text.matchAll(MENTION)) {
      const handle = m[1]!.toLowerCase();
      if (!existing.has(handle)) continue;
      pushText(s.text.slice(at, m.index));
      out.push({ kind: "mention", text: m[0], handle });
      at = m.index + m[0].length;
    }
    pushText(s.text.slice(at));
  }
  return out;
}

/**
 * The "@prefix" being typed just before the caret, for autocomplete: the
 * start of the "@" and the (possibly empty) prefix; null when the caret is
 * not in a mention.
 */
export function mentionAtCaret(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const m = /(?<![A-Za-z0-9_.@])@([A-Za-z0-9_]{0,20})$/.exec(before);
  if (!m) return null;
  return { start: m.index, query: m[1]!.toLowerCase() };
}
