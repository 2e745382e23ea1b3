import Link from "next/link";
import type { Segment } from "@/lib/linkify";

/**
 * User text with links made clickable. The segments come from the server
 * (presenters/post.ts); everything is rendered as React text and <a>
 * elements, so HTML in user text is inert.
 */
export function RichText({ segments }: { segments: Segment[] }) {
  return (
    <p className="whitespace-pre-wrap break-words">
      {segments.map((s, i) =>
        s.kind === "mention" ? (
          <Link key={i} href={`/u/${s.handle}`} className="font-medium text-brand-700 hover:underline">
            {s.text}
          </Link>
        ) : s.kind === "link" ? (
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
