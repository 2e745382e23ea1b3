import "server-only";
import { db } from "@/server/db";
import { avatarUrl } from "@/lib/media-url";

const LIMIT = 20;

/**
 * People by handle prefix or display-name substring. Profiles (name, handle,
 * bio) are public in Kongjian, so search needs no privacy filter; content
 * never appears here.
 */
export async function searchUsers(query: string) {
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
  // Exact and prefix handle matches first, then the rest.
  const rank = (u: (typeof users)[number]) => (u.handle === handleQ ? 0 : u.handle.startsWith(handleQ) ? 1 : 2);
  return users
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, LIMIT)
    .map(({ avatarMediaId, ...u }) => ({ ...u, avatarUrl: avatarUrl(avatarMediaId) }));
}
