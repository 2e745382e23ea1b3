"use client";
import { useTranslations } from "next-intl";
import { ACCEPT } from "@/server/media/limits";

export type ToolbarAction = "heading" | "bold" | "italic" | "strike" | "bulletList" | "numberedList" | "quote" | "link" | "code";

// Glyphs, not words: the accessible name is the aria-label.
const BUTTONS: { action: ToolbarAction; glyph: React.ReactNode }[] = [
  { action: "heading", glyph: <span className="font-bold">H</span> },
  { action: "bold", glyph: <span className="font-bold">B</span> },
  { action: "italic", glyph: <span className="font-serif italic">I</span> },
  { action: "strike", glyph: <span className="line-through">S</span> },
  { action: "bulletList", glyph: <span>•≡</span> },
  { action: "numberedList", glyph: <span>1.</span> },
  { action: "quote", glyph: <span className="font-serif text-lg leading-none">“</span> },
  { action: "link", glyph: <span>🔗</span> },
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
        <span aria-hidden>🖼</span>
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
