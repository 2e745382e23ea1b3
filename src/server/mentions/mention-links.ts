import "server-only";
import type { Segment } from "@/lib/linkify";
import { segmentHandles, splitMentions } from "@/lib/mentions";
import { existingHandles } from "./existing-handles";

type HasSegments = { segments: Segment[] };

/**
 * Turns "@handle" in already linkified text into mention segments (links to
 * /u/<handle>) for handles that exist. One query for everything passed in,
 * none when nothing looks like a mention, so a page's query count stays
 * constant. Mutates the holders' segments in place (they are fresh
 * presenter output) and returns them.
 */
export async function withMentionLinks<T extends HasSegments>(holders: T[]): Promise<T[]> {
  const handles = new Set<string>();
  for (const h of holders) for (const handle of segmentHandles(h.segments)) handles.add(handle);
  if (!handles.size) return holders;
  const existing = await existingHandles(handles);
  if (!existing.size) return holders;
  for (const h of holders) h.segments = splitMentions(h.segments, existing);
  return holders;
}

/** A comment and its replies, flattened (a page of threads shows both). */
export function commentsAndReplies<T extends HasSegments & { replies?: T[] }>(comments: readonly T[]): T[] {
  return comments.flatMap((c) => [c, ...(c.replies ?? [])]);
}
