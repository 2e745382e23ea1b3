// Where each kind of item lives in its space (cards link there).
type Linkable = { id: string; kind: string; author: { handle: string }; attachment?: { kind: string; album?: { id: number } } | null };

export function itemHref(p: Linkable): string {
  const base = `/u/${p.author.handle}`;
  switch (p.kind) {
    case "blog":
      return `${base}/blog/${p.id}`;
    case "diary":
      return `${base}/diary/${p.id}`;
    case "photos":
      return p.attachment?.album ? `${base}/albums/${p.attachment.album.id}` : `${base}/albums`;
    default:
      return `${base}/post/${p.id}`;
  }
}
