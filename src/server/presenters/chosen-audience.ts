import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import type { Audience } from "@/lib/audiences";
import type { ChosenAudience } from "@/server/groups/group-types";

type Holder = { id: string | number; audience: Audience; mine: boolean; chosen: ChosenAudience | null };
type Row = { id: number; groups: ChosenAudience["groups"]; users: ChosenAudience["users"] };

// The two tables whose rows carry chosen viewers, and their owner column (constants, never input).
const TABLES = { posts: Prisma.raw("posts"), albums: Prisma.raw("albums") } as const;
const OWNER = { posts: Prisma.raw("author_id"), albums: Prisma.raw("owner_id") } as const;

/**
 * For the owner's own CUSTOM items on a page: whom each was shown to, by
 * name (the audience badge: "Classmates, Family") and id (the audience
 * picker). Nobody else learns who else was chosen, so for them `chosen`
 * stays null. One query for the page, none when it holds no such item.
 * Only the owner's existing groups and current friends are listed: the
 * people who really can see it. Mutates the holders (fresh presenter output).
 */
export async function withChosenAudience<T extends Holder>(items: T[], viewerId: number | undefined, table: keyof typeof TABLES = "posts"): Promise<T[]> {
  const ids = items.filter((i) => i.mine && i.audience === "CUSTOM").map((i) => Number(i.id));
  if (!ids.length || viewerId === undefined) return items;
  const rows = await db.$queryRaw<Row[]>`
    SELECT t.id,
      COALESCE((SELECT json_agg(json_build_object('id', g.id, 'name', g.name) ORDER BY lower(g.name), g.id)
                FROM friend_groups g WHERE g.owner_id = t.${OWNER[table]} AND g.id = ANY(t.audience_group_ids)), '[]'::json) AS groups,
      COALESCE((SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name) ORDER BY lower(u.display_name), u.id)
                FROM friendships f JOIN users u ON u.id = f.friend_id
                WHERE f.user_id = t.${OWNER[table]} AND f.friend_id = ANY(t.audience_user_ids)), '[]'::json) AS users
    FROM ${TABLES[table]} t
    WHERE t.id = ANY(${ids}::int[]) AND t.${OWNER[table]} = ${viewerId} AND t.audience = 'CUSTOM'`;
  const byId = new Map(rows.map((r) => [r.id, { groups: r.groups, users: r.users }]));
  for (const item of items) item.chosen = byId.get(Number(item.id)) ?? item.chosen;
  return items;
}
