import "server-only";
import { db } from "@/server/db";
import { avatarUrl } from "@/lib/media-url";
import { accessToMany, canViewSpace, type Viewer } from "@/server/privacy";

const LIMIT = 20;

/**
 * People by handle prefix or display-name substring. Profiles (name, handle,
 * bio) are public in Kongjian, so search needs no audience filter (content
 * never appears here), but a blocked pair do not find each other: their
 * spaces are missing to each other, and so are they here.
 */
export async function searchUsers(viewer: Viewer, query: string) {
  const q = query.trim().slice(0, 40);
  if (!q) return [];
  const handleQ = q.toLowerCase().replace(/^@/, "");
  const users = await db.user.findMany({
    where: {
      OR: [{ handle: { startsWith: handleQ } }, { displayName: { contains: q, mode: "insensitive" } }],
    },
    select: { id: true, handle: true, displayName: true, bio: true, avatarMediaId: true },
    orderBy: { id: "asc" },
    take: LIMIT * 3,
  });
  const access = await accessToMany(viewer, users.map((u) => u.id));
  // Exact and prefix handle matches first, then the rest.
  const rank = (u: (typeof users)[number]) => (u.handle === handleQ ? 0 : u.handle.startsWith(handleQ) ? 1 : 2);
  return users
    .filter((u) => canViewSpace(access.get(u.id)!))
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, LIMIT)
    .map(({ avatarMediaId, ...u }) => ({ ...u, avatarUrl: avatarUrl(avatarMediaId) }));
}
