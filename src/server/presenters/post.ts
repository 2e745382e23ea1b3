import type { Audience } from "@/lib/audiences";
import { linkifySegments, type Segment } from "@/lib/linkify";

/** A post as it goes over the wire and into components. */
export type PostView = {
  id: string;
  body: string;
  /** The body split into text and links on the server, so the link parser never ships to browsers. */
  segments: Segment[];
  audience: Audience;
  createdAt: string;
  author: { id: number; handle: string; displayName: string };
  /** The viewer wrote it: they may change its audience or delete it. */
  mine: boolean;
};

type PostRow = {
  id: number;
  body: string;
  audience: Audience;
  createdAt: Date;
  author: { id: number; handle: string; displayName: string };
};

export function presentPost(row: PostRow, viewerId: number | undefined): PostView {
  return {
    id: String(row.id),
    body: row.body,
    segments: linkifySegments(row.body),
    audience: row.audience,
    createdAt: row.createdAt.toISOString(),
    author: { id: row.author.id, handle: row.author.handle, displayName: row.author.displayName },
    mine: viewerId === row.author.id,
  };
}

export type Page<T> = { items: T[]; nextCursor: string | null };
