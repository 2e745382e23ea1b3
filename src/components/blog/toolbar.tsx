"use client";
import { useTranslations } from "next-intl";
import { ACCEPT } from "@/server/media/limits";

export type ToolbarAction = "heading" | "bold" | "italic" | "strike" | "bulletList" | "numberedList" | "quote" | "link" | "code";

/** A small stroked icon (decorative: the button's aria-label names it). */
function Icon({ d }: { d: string }) {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
      <path d={d} />
    </svg>
  );
}

// Glyphs, not words: the accessible name is the aria-label.
const BUTTONS: { action: ToolbarAction; glyph: React.ReactNode }[] = [
  { action: "heading", glyph: <span className="font-bold">H</span> },
  { action: "bold", glyph: <span className="font-bold">B</span> },
  { action: "italic", glyph: <span className="font-serif italic">I</span> },
  { action: "strike", glyph: <span className="line-through">S</span> },
  { action: "bulletList", glyph: <Icon d="M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01" /> },
  { action: "numberedList", glyph: <span>1.</span> },
  { action: "quote", glyph: <span className="font-serif text-lg leading-none">“</span> },
  { action: "link", glyph: <Icon d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" /> },
  { action: "code", glyph: <span className="font-mono text-xs">{"</>"}</span> },
];

const BTN = "inline-flex h-9 min-w-9 items-center justify-center rounded px-2 text-sm text-stone-700 hover:bg-stone-100 disabled:opacity-50";

/** The formatting buttons above the text; each wraps or prefixes the selection (see markdown-edit.ts). */
export function Toolbar({ onAction, onPickImages, imageBusy, imageHint }: { onAction: (a: ToolbarAction) => void; onPickImages: (files: File[]) => void; imageBusy: boolean; imageHint: string }) {
  const t = useTranslations("blog");
  return (
    <div role="toolbar" aria-label={t("toolbar")} className="flex flex-wrap items-center gap-0.5 border-b border-stone-100 px-1 py-1">
      {BUTTONS.map(({ action, glyph }) => (
        <button
          key={action}
          type="button"
          aria-label={t(action)}
          title={t(action)}
          // Keeps the focus (and the selection) in the text while clicking.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onAction(action)}
          className={BTN}
        >
          {glyph}
        </button>
      ))}
      <label title={`${t("image")} · ${imageHint}`} className={`${BTN} cursor-pointer focus-within:ring-2 focus-within:ring-brand-500 ${imageBusy ? "opacity-70" : ""}`}>
        <Icon d="M4 5h16v14H4zM4 16l5-5 4 4 2-2 5 5M15 9.5a1 1 0 1 0 0-.01" />
        <input
          type="file"
          multiple
          accept={ACCEPT.image}
          aria-label={t("image")}
          aria-describedby="blog-image-hint"
          className="sr-only"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = ""; // the same file again still fires change
            if (files.length) onPickImages(files);
          }}
        />
      </label>
      <span id="blog-image-hint" className="sr-only">
        {imageHint}
      </span>
    </div>
  );
}
