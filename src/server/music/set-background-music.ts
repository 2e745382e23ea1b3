import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { notFound } from "@/server/errors";
import type { SetBackgroundMusicInput } from "@/lib/validation/music";

/**
 * The owner adds one of their tracks to the space's background music (it
 * plays after the ones added before it) or takes it out. Adding a track that
 * is already in keeps its place. Anyone else's track answers like a missing one.
 */
export async function setBackgroundMusic(viewer: SignedInViewer, input: SetBackgroundMusicInput): Promise<{ bgm: boolean }> {
  await db.$transaction(async (tx) => {
    // Serialise one owner's toggles so two additions never share a position.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(7302, ${viewer.id})`;
    const track = await tx.track.findFirst({ where: { postId: input.postId, authorId: viewer.id, post: { authorId: viewer.id } }, select: { postId: true, bgm: true } });
    if (!track) throw notFound();
    if (input.on === track.bgm) return;
    if (!input.on) {
      await tx.track.update({ where: { postId: track.postId }, data: { bgm: false, bgmOrder: null } });
      return;
    }
    const last = await tx.track.aggregate({ where: { authorId: viewer.id, bgm: true }, _max: { bgmOrder: true } });
    await tx.track.update({ where: { postId: track.postId }, data: { bgm: true, bgmOrder: (last._max.bgmOrder ?? 0) + 1 } });
  });
  return { bgm: input.on };
}
