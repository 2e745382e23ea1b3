import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { notFound } from "@/server/errors";
import { dateValue } from "@/lib/diary";
import type { UpdateDiaryInput } from "@/lib/validation/diary";
import { assertNotFuture } from "./future";
import { ENTRY_INCLUDE, presentEntry } from "./present-entry";

/**
 * The author edits an entry's date, mood, weather, title and text (marked
 * "edited"). Anyone else's id, or an id that is not a diary entry, answers
 * like a missing one and changes nothing. The audience is changed on its own
 * (setPostAudience), so an edit never widens who can read it.
 */
export async function updateEntry(viewer: SignedInViewer, input: UpdateDiaryInput) {
  assertNotFuture(viewer, input);
  const post = await db.$transaction(async (tx) => {
    const { count } = await tx.post.updateMany({
      where: { id: input.postId, authorId: viewer.id, kind: "diary" },
      data: { title: input.title, body: input.body, editedAt: new Date() },
    });
    if (count === 0) throw notFound();
    await tx.diaryEntry.update({
      where: { postId: input.postId },
      data: { entryDate: dateValue(input.entryDate), mood: input.mood, weather: input.weather },
    });
    return tx.post.findUniqueOrThrow({ where: { id: input.postId }, include: ENTRY_INCLUDE });
  });
  return presentEntry(post, post.diary!, viewer.id);
}
