import "server-only";
import type { DiaryAttachment } from "@/server/presenters/attachment-types";
import { AUTHOR_SELECT, presentPost, type PostRow, type PostView } from "@/server/presenters/post";

export type DiaryRow = { entryDate: Date; mood: string | null; weather: string | null };

/** The diary's card data (same shape as presenters/attachments.ts gives the feed). */
export function diaryAttachment(row: DiaryRow): DiaryAttachment {
  return { kind: "diary", date: row.entryDate.toISOString().slice(0, 10), mood: row.mood, weather: row.weather };
}

/** A post row with its diary row, as a PostView (no second query for the attachment). */
export function presentEntry(post: PostRow, diary: DiaryRow, viewerId: number | undefined): PostView {
  return { ...presentPost(post, viewerId), attachment: diaryAttachment(diary) };
}

export const ENTRY_INCLUDE = { author: AUTHOR_SELECT, diary: true } as const;
