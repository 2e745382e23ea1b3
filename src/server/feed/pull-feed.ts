import "server-only";
import { db } from "@/server/db";
import type { FeedRow } from "./feed-row";
import { pullFeedSql, type FeedFilter, type Sources } from "./feed-sql";

export type { FeedFilter, Sources };

/** Runs the pull feed query (see pullFeedSql). */
export function pullFeed(viewerId: number, opts: { before: number; limit: number; sources: Sources; hotIds?: number[]; filter?: FeedFilter }): Promise<FeedRow[]> {
  return db.$queryRaw<FeedRow[]>(pullFeedSql(viewerId, opts));
}
