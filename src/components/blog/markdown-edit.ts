// Pure text edits behind the editor's toolbar: each takes the text and the
// selection and returns the new text and the selection to restore, so the
// toolbar never loses the author's place.

export type Edit = { text: string; start: number; end: number };

/** Wraps the selection in `before`/`after` (or unwraps it if already wrapped); an empty selection gets a placeholder, selected. */
export function wrap(text: string, start: number, end: number, before: string, after: string, placeholder: string): Edit {
  if (text.slice(start - before.length, start) === before && text.slice(end, end + after.length) === after && end > start) {
    const inner = text.slice(start, end);
    const s = start - before.length;
    return { text: text.slice(0, s) + inner + text.slice(end + after.length), start: s, end: s + inner.length };
  }
  const inner = text.slice(start, end) || placeholder;
  const s = start + before.length;
  return { text: text.slice(0, start) + before + inner + after + text.slice(end), start: s, end: s + inner.length };
}

/** Puts `prefix(i)` before every line the selection touches, or takes it away if every line already has one. */
export function prefixLines(text: string, start: number, end: number, prefix: (i: number) => string, matches: RegExp): Edit {
  const from = text.lastIndexOf("\n", start - 1) + 1;
  const lastChar = end > start && text[end - 1] === "\n" ? end - 1 : end;
  const nl = text.indexOf("\n", lastChar);
  const to = nl === -1 ? text.length : nl;
  const lines = text.slice(from, to).split("\n");
  const all = lines.every((l) => matches.test(l));
  const next = lines.map((l, i) => (all ? l.replace(matches, "") : prefix(i) + l.replace(matches, ""))).join("\n");
  return { text: text.slice(0, from) + next + text.slice(to), start: from, end: from + next.length };
}

/** Inserts a block (an image) at `pos` as its own paragraph; the caret lands after it. */
export function insertBlock(text: string, pos: number, block: string): Edit {
  const before = text.slice(0, pos);
  const after = text.slice(pos);
  const lead = before === "" || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
  const trail = after === "" || after.startsWith("\n\n") ? "" : after.startsWith("\n") ? "\n" : "\n\n";
  const inserted = lead + block + trail;
  const caret = pos + lead.length + block.length;
  return { text: before + inserted + after, start: caret, end: caret };
}

/** Alt text from a file name: no extension, no characters that would end the Markdown. */
export function altFromFileName(name: string): string {
  return name
    .replace(/\.[^.]*$/, "")
    .replace(/[[\]()\\\n\r]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 100);
}
