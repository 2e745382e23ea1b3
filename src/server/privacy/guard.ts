// The columns of an item the privacy checks need, so every read path selects
// the same ones (forgetting the chosen-viewer arrays would hide CUSTOM items
// from the very friends they were chosen for).
import type { Audience, ItemState } from "./audience";
import type { Guarded } from "./index";

export const POST_GUARD_SELECT = { authorId: true, audience: true, audienceGroupIds: true, audienceUserIds: true, state: true } as const;
export const ALBUM_GUARD_SELECT = { ownerId: true, audience: true, audienceGroupIds: true, audienceUserIds: true } as const;

type PostGuardRow = { authorId: number; audience: Audience; audienceGroupIds: number[] | null; audienceUserIds: number[] | null; state: ItemState };
type AlbumGuardRow = { ownerId: number; audience: Audience; audienceGroupIds: number[] | null; audienceUserIds: number[] | null };

export function postGuard(p: PostGuardRow): Guarded {
  return { ownerId: p.authorId, audience: p.audience, audienceGroupIds: p.audienceGroupIds, audienceUserIds: p.audienceUserIds, state: p.state };
}

export function albumGuard(a: AlbumGuardRow): Guarded {
  return { ownerId: a.ownerId, audience: a.audience, audienceGroupIds: a.audienceGroupIds, audienceUserIds: a.audienceUserIds };
}
