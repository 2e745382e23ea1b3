import { linkifySegments } from "@/lib/linkify";

/** User text with links made clickable; everything else is React text, so HTML in it is inert. */
export function RichText({ text }: { text: string }) {
  return (
    <p className="whitespace-pre-wrap break-words">
      {linkifySegments(text).map((s, i) =>
        s.kind === "link" ? (
          <a key={i} href={s.href} rel="nofollow noopener noreferrer ugc" target="_blank" className="text-brand-700 underline">
            {s.text}
          </a>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </p>
  );
}
