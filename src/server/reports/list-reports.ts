import "server-only";
import { db } from "@/server/db";
import type { Viewer } from "@/server/privacy";
import { adminReadPosts, requireAdmin } from "@/server/privacy/admin";
import { presentAuthor, type AuthorView, type Page } from "@/server/presenters/post";
import { itemHref } from "@/lib/item-href";
import type { Audience } from "@/lib/audiences";
import type { ReportListInput } from "@/lib/validation/reports";

export const REPORTS_PAGE_SIZE = 30;
const EXCERPT_CHARS = 400;

export type ReportedItem = {
  id: string;
  kind: string;
  title: string | null;
  excerpt: string;
  audience: Audience;
  createdAt: string;
  href: string;
  author: { handle: string; displayName: string };
};

export type ReportView = {
  id: string;
  reason: string;
  note: string;
  createdAt: string;
  reporter: AuthorView;
  /** An item report (`item` null when the item is gone already), or a user report. */
  target: { type: "item"; item: ReportedItem | null } | { type: "user"; user: AuthorView };
};

const PERSON = { select: { id: true, handle: true, displayName: true, avatarMediaId: true } } as const;

/**
 * Open reports, newest first, keyset-paginated by id, for /admin/reports.
 * Admins only: anyone else gets not_found (the page 404s like a missing one).
 * Reported items are read through the privacy module's explicit admin read.
 */
export async function listOpenReports(viewer: Viewer, input: ReportListInput = {}): Promise<Page<ReportView>> {
  const grant = await requireAdmin(viewer);
  const rows = await db.report.findMany({
    where: { status: "open", ...(input.before ? { id: { lt: input.before } } : {}) },
    orderBy: { id: "desc" },
    take: REPORTS_PAGE_SIZE + 1,
    select: { id: true, reason: true, note: true, createdAt: true, postId: true, reporter: PERSON, targetUser: PERSON },
  });
  const page = rows.slice(0, REPORTS_PAGE_SIZE);
  const posts = await adminReadPosts(grant, page.flatMap((r) => (r.postId ? [r.postId] : [])));
  const items = page.map((r): ReportView => {
    const post = r.postId ? posts.get(r.postId) : undefined;
    const item: ReportedItem | null = post
      ? {
          id: String(post.id),
          kind: post.kind,
          title: post.title,
          excerpt: [...post.body].slice(0, EXCERPT_CHARS).join(""),
          audience: post.audience,
          createdAt: post.createdAt.toISOString(),
          href: itemHref({ id: String(post.id), kind: post.kind, author: post.author }),
          author: { handle: post.author.handle, displayName: post.author.displayName },
        }
      : null;
    return {
      id: String(r.id),
      reason: r.reason,
      note: r.note,
      createdAt: r.createdAt.toISOString(),
      reporter: presentAuthor(r.reporter),
      target: r.targetUser ? { type: "user", user: presentAuthor(r.targetUser) } : { type: "item", item },
    };
  });
  return { items, nextCursor: rows.length > REPORTS_PAGE_SIZE ? items[items.length - 1]!.id : null };
}
