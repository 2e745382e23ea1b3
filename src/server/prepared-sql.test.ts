import { afterEach, describe, expect, it, vi } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { prepared, statementName } from "./prepared-sql";
import { namedStatements } from "./env";
import { inboxPageSql } from "./feed/feed-sql";
import { latestThreadsOf, withReplies } from "./comments/comment-sql";
import { blockedPairSql } from "./privacy/relation-sql";
import { hiddenCommentCountSql, visibleCommentSql } from "./privacy/comment-sql";

// A named statement is kept per connection for as long as it lives: marked
// statements must have one text whatever the values, or connections would
// keep one per viewer.
describe("prepared statements", () => {
  it("names marked statements by their text, and no other", () => {
    const a = prepared(Prisma.sql`SELECT ${1}::int AS x`).text;
    expect(statementName(a)).toMatch(/^kj_[0-9a-f]{20}$/);
    expect(statementName(prepared(Prisma.sql`SELECT ${2}::int AS x`).text)).toBe(statementName(a));
    expect(statementName(prepared(Prisma.sql`SELECT ${1}::int AS y`).text)).not.toBe(statementName(a));
    expect(statementName(Prisma.sql`SELECT ${1}::int AS x`.text)).toBeUndefined();
  });

  it("gives the feed's marked statements the same text for every viewer (ids are bound, never written in)", () => {
    expect(inboxPageSql(7, 100, 21).text).toBe(inboxPageSql(8, 200, 21).text);
    const comments = (viewer: number) => withReplies(latestThreadsOf([1, 2], 3, viewer), 2, viewer).text;
    expect(comments(7)).toBe(comments(8));
    expect(visibleCommentSql("c", 7).text).toBe(visibleCommentSql("c", 8).text);
    expect(hiddenCommentCountSql("p.id", 7).text).toBe(hiddenCommentCountSql("p.id", 8).text);
    expect(blockedPairSql("l.user_id", 7).text).toBe(blockedPairSql("l.user_id", 8).text);
    expect(blockedPairSql("l.user_id", 7).values).toEqual([7, 7]); // bound, both sides of the pair
  });
});

// The embedded Postgres is one session shared by every connection: two
// connections preparing the same name would collide, so it gets none.
describe("where named statements are used", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("on a real server, not on the embedded one (its URL says so), nor when turned off", () => {
    vi.stubEnv("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/kongjian");
    expect(namedStatements()).toBe(true);
    vi.stubEnv("DATABASE_URL", "postgresql://postgres@127.0.0.1:40001/postgres?sslmode=disable&application_name=kongjian-embedded");
    expect(namedStatements()).toBe(false);
    vi.stubEnv("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/kongjian");
    vi.stubEnv("DATABASE_NAMED_STATEMENTS", "off");
    expect(namedStatements()).toBe(false);
  });
});
