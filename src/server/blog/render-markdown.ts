import "server-only";
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";
import { htmlMentionCandidates, linkMentionsInHtml } from "@/server/mentions/mention-html";

// Markdown -> HTML with marked, then an allowlist with sanitize-html: the
// stored HTML is the only thing a reading page ever injects, so everything
// not listed here (script, style, iframe, svg, form, on* handlers, styles,
// classes, javascript:/data: URLs, off-site images) is dropped.

/** Only our own privacy-checked media route, one of its image variants. */
const IMAGE_SRC = /^\/media\/(\d{1,10})\/(display|original|thumb)$/;
const LINK_HREF = /^(https?:\/\/|mailto:)/i;
const EXCERPT_CHARS = 200;

// GFM (tables, ~~strike~~, autolinks); single newlines stay soft as in Markdown.
const marked = new Marked({ gfm: true, breaks: false, async: false });

const ALLOWED_TAGS = [
  "h2", "h3", "h4", "p", "br", "hr", "strong", "em", "del", "blockquote", "ul", "ol", "li", "a", "code", "pre", "img",
  "table", "thead", "tbody", "tr", "th", "td",
];

function sanitiseOptions(imageIds: number[]): sanitizeHtml.IOptions {
  return {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ["href", "rel", "target"],
      img: ["src", "alt", "loading"],
      ol: ["start"],
      th: [{ name: "align", multiple: false, values: ["left", "center", "right"] }],
      td: [{ name: "align", multiple: false, values: ["left", "center", "right"] }],
    },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: {},
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    // Deeply nested lists/quotes beyond this are flattened to their text.
    nestingLimit: 24,
    transformTags: {
      h1: "h2",
      h5: "h4",
      h6: "h4",
      b: "strong",
      i: "em",
      s: "del",
      strike: "del",
      a: (tagName, attribs): sanitizeHtml.Tag => {
        const href = (attribs.href ?? "").trim();
        // Everything else (relative, javascript:, data:, vbscript:...) loses its href and becomes plain text.
        if (!LINK_HREF.test(href)) return { tagName, attribs: {} };
        return { tagName, attribs: { href, rel: "nofollow noopener noreferrer ugc", target: "_blank" } };
      },
      img: (tagName, attribs): sanitizeHtml.Tag => {
        const m = IMAGE_SRC.exec(attribs.src ?? "");
        if (!m) return { tagName, attribs: {} };
        imageIds.push(Number(m[1]));
        return { tagName, attribs: { src: attribs.src!, alt: attribs.alt ?? "", loading: "lazy" } };
      },
    },
    // An image whose src was refused is removed, not left as a broken <img>.
    exclusiveFilter: (frame) => frame.tag === "img" && !frame.attribs.src,
  };
}

/** sanitize-html escapes text as &amp; &lt; &gt; (and &quot;); undo exactly that for plain text. */
function unescapeText(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}

/** The first ~200 characters of the text, cut at a word where there is one, for cards and the feed. */
export function excerptOf(html: string, max = EXCERPT_CHARS): string {
  const text = unescapeText(sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }))
    .replace(/\s+/g, " ")
    .trim();
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export type RenderedBlog = {
  /** Sanitised HTML: safe to inject as is. */
  html: string;
  /** Plain text for the card (posts.body). */
  excerpt: string;
  /** Media ids of the images kept, in order of appearance, without repeats. */
  imageIds: number[];
  /** Handles linked as @mentions, in order of appearance (the people to notify). */
  mentions: string[];
};

/**
 * `mentionable`: the handles that exist among the source's mentions
 * (mentionCandidates): "@handle" in text becomes a link to their space,
 * added after sanitising (src/server/mentions/mention-html.ts).
 */
export function renderMarkdown(source: string, mentionable: ReadonlySet<string> = new Set()): RenderedBlog {
  const ids: number[] = [];
  const sanitised = sanitizeHtml(marked.parse(source, { async: false }), sanitiseOptions(ids)).trim();
  const { html, handles } = linkMentionsInHtml(sanitised, mentionable);
  return { html, excerpt: excerptOf(html), imageIds: [...new Set(ids)], mentions: handles };
}

/** The handles a blog's text mentions (outside code and links), to look up before renderMarkdown. */
export function mentionCandidates(source: string): string[] {
  return htmlMentionCandidates(sanitizeHtml(marked.parse(source, { async: false }), sanitiseOptions([])));
}
