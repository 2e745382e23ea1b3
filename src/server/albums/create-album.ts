import "server-only";
import { db } from "@/server/db";
import type { SignedInViewer } from "@/server/auth/viewer";
import { resolveAudience } from "@/server/groups/resolve-audience";
import type { CreateAlbumInput } from "@/lib/validation/album";
import { ALBUM_INCLUDE, presentAlbums } from "./present-album";

/**
 * Creates an album owned by the viewer. Nothing reaches the feed yet: the
 * first upload batch does ("added 3 photos to …"). A repeated clientKey
 * (double-click, retry) answers with the album created the first time.
 */
export async function createAlbum(viewer: SignedInViewer, input: CreateAlbumInput) {
  const key = input.clientKey ?? null;
  const aud = await resolveAudience(viewer.id, input);
  // ON CONFLICT DO NOTHING: a concurrent retry with the same key loses quietly and reads the winner's row.
  const inserted = await db.$queryRaw<{ id: number }[]>`
    INSERT INTO albums (owner_id, title, description, audience, audience_group_ids, audience_user_ids, client_key, updated_at)
    VALUES (${viewer.id}, ${input.title}, ${input.description}, ${aud.audience}::audience, ${aud.audienceGroupIds}::int[], ${aud.audienceUserIds}::int[], ${key}::uuid, now())
    ON CONFLICT (owner_id, client_key) DO NOTHING
    RETURNING id`;
  const row = inserted[0]
    ? await db.album.findUniqueOrThrow({ where: { id: inserted[0].id }, include: ALBUM_INCLUDE })
    : await db.album.findUniqueOrThrow({ where: { ownerId_clientKey: { ownerId: viewer.id, clientKey: key! } }, include: ALBUM_INCLUDE });
  const [album] = await presentAlbums([row], "owner");
  return album!;
}
