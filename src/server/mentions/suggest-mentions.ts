import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { presentAuthor, type AuthorView } from "@/server/presenters/post";
import type { MentionSuggestInput } from "@/lib/validation/notifications";

export const SUGGESTIONS = 8;

/** Escapes LIKE's wildcards so a typed "_" matches an underscore, not any character. */
function likePrefix(q: string): string {
  return `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Autocomplete for "@": the viewer's friends (the people one mentions)
 * whose handle, or display name, starts with the prefix; handle matches
 * first, then alphabetical. Friends only, so it reveals nobody new.
 */
export async function suggestMentions(viewer: SignedInViewer, input: MentionSuggestInput): Promise<{ items: AuthorView[] }> {
  const pattern = likePrefix(input.q);
  const rows = await db.$queryRaw<{ id: number; handle: string; display_name: string; avatar_media_id: number | null }[]>`
    SELECT u.id, u.handle, u.display_name, u.avatar_media_id
    FROM friendships f JOIN users u ON u.id = f.friend_id
    WHERE f.user_id = ${viewer.id}
      AND (u.handle LIKE ${pattern} OR lower(u.display_name) LIKE lower(${pattern}))
    ORDER BY (u.handle LIKE ${pattern}) DESC, u.handle
    LIMIT ${SUGGESTIONS}`;
  return { items: rows.map((r) => presentAuthor({ id: r.id, handle: r.handle, displayName: r.display_name, avatarMediaId: r.avatar_media_id })) };
}
