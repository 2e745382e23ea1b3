"use client";
import { useCallback, useState } from "react";
import type { CommentView } from "@/server/comments/comment-view";
import type { PostView } from "@/server/presenters/post";

type Page = { items: CommentView[]; nextCursor: string | null; commentCount: number };

/** `space`: set in the owner's "view my space as" preview, so the route answers as the preview (PostView.previewSpace). */
async function fetchPage(postId: string, space: string | null, params: Record<string, string | undefined>): Promise<Page> {
  const all = { ...params, space: space ?? undefined };
  const q = new URLSearchParams(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined));
  const res = await fetch(`/api/posts/${postId}/comments?${q}`, { headers: { Accept: "application/json" } });
  if (!res.ok) throw new Error(`comments ${res.status}`);
  return res.json() as Promise<Page>;
}

const shownIn = (threads: CommentView[]) => threads.reduce((n, t) => n + 1 + (t.replies?.length ?? 0), 0);
const byId = (list: CommentView[]) => new Set(list.map((c) => c.id));

/**
 * An item's comments in the browser: starts from the card's preview (latest
 * threads, from the server), expands to the full keyset-paginated list, and
 * applies the viewer's own adds and deletes with the exact count the server
 * returns.
 */
export function useComments(post: PostView) {
  const [threads, setThreads] = useState<CommentView[]>(post.comments);
  const [count, setCount] = useState(post.commentCount);
  /** Whether the full list (not just the card's preview) is loaded. */
  const [expanded, setExpanded] = useState(false);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [loadFailed, setLoadFailed] = useState(false);

  const load = useCallback(
    async (task: () => Promise<void>) => {
      if (loading) return;
      setLoading(true);
      setLoadFailed(false);
      try {
        await task();
      } catch {
        setLoadFailed(true);
      } finally {
        setLoading(false);
      }
    },
    [loading],
  );

  const expand = useCallback(
    () =>
      load(async () => {
        const page = await fetchPage(post.id, post.previewSpace, {});
        setThreads(page.items);
        setCursor(page.nextCursor);
        setCount(page.commentCount);
        setExpanded(true);
      }),
    [load, post.id, post.previewSpace],
  );

  const showEarlier = useCallback(
    () =>
      load(async () => {
        if (!cursor) return;
        const page = await fetchPage(post.id, post.previewSpace, { before: cursor });
        setThreads((ts) => {
          const have = byId(ts);
          return [...page.items.filter((t) => !have.has(t.id)), ...ts];
        });
        setCursor(page.nextCursor);
        setCount(page.commentCount);
      }),
    [load, post.id, post.previewSpace, cursor],
  );

  const showEarlierReplies = useCallback(
    (thread: CommentView) =>
      load(async () => {
        const first = thread.replies?.[0];
        const page = await fetchPage(post.id, post.previewSpace, { parent: thread.id, before: first?.id });
        setThreads((ts) =>
          ts.map((t) => {
            if (t.id !== thread.id) return t;
            const have = byId(t.replies ?? []);
            return { ...t, replies: [...page.items.filter((r) => !have.has(r.id)), ...(t.replies ?? [])] };
          }),
        );
      }),
    [load, post.id, post.previewSpace],
  );

  /** A comment the viewer just added: a thread at the end, or a reply at the end of its thread. */
  const added = useCallback((c: CommentView, commentCount: number) => {
    setCount(commentCount);
    setThreads((ts) => {
      if (!c.parentId) return ts.some((t) => t.id === c.id) ? ts : [...ts, { ...c, replies: [], replyCount: 0 }];
      return ts.map((t) =>
        t.id !== c.parentId || t.replies?.some((r) => r.id === c.id)
          ? t
          : { ...t, replies: [...(t.replies ?? []), c], replyCount: (t.replyCount ?? 0) + 1 },
      );
    });
  }, []);

  const removed = useCallback((c: CommentView, commentCount: number) => {
    setCount(commentCount);
    setThreads((ts) =>
      c.parentId
        ? ts.map((t) => (t.id === c.parentId ? { ...t, replies: t.replies?.filter((r) => r.id !== c.id), replyCount: Math.max(0, (t.replyCount ?? 1) - 1) } : t))
        : ts.filter((t) => t.id !== c.id),
    );
  }, []);

  /** A comment's like toggled (optimistically, then confirmed by the server). */
  const liked = useCallback((id: string, likedByMe: boolean, likeCount: number) => {
    const apply = (c: CommentView) => (c.id === id ? { ...c, likedByMe, likeCount } : c);
    setThreads((ts) => ts.map((t) => ({ ...apply(t), replies: t.replies?.map(apply) })));
  }, []);

  return {
    threads,
    count,
    expanded,
    /** More comments exist than the card shows. */
    hasMore: !expanded && count > shownIn(threads),
    hasEarlier: expanded && cursor !== null,
    loading,
    loadFailed,
    expand,
    showEarlier,
    showEarlierReplies,
    added,
    removed,
    liked,
  };
}
