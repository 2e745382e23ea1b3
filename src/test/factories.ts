import { randomUUID } from "node:crypto";
import { db } from "@/server/db";
import { fanOutPost } from "@/server/feed/fan-out";
import { deliverToSelf, mergeAuthorIntoInbox } from "@/server/feed/inbox";
import type { SignedInViewer } from "@/server/auth/viewer";
import type { Audience } from "@/lib/audiences";

// Factories for integration tests: unique emails and handles, so test files
// can share one database and run in parallel. Passwords are pre-hashed with a
// throwaway value (hashing is tested on its own) to keep tests fast.

export async function buildUser(overrides: Partial<{ handle: string; displayName: string; email: string }> = {}): Promise<SignedInViewer> {
  const tag = randomUUID().replace(/-/g, "").slice(0, 12);
  const user = await db.user.create({
    data: {
      email: overrides.email ?? `u${tag}@test.example`,
      handle: overrides.handle ?? `t_${tag}`,
      displayName: overrides.displayName ?? `Tester ${tag}`,
      passwordHash: "scrypt$1$1$1$x$y",
    },
    select: { id: true, handle: true, displayName: true, sessionVersion: true, locale: true, timeZone: true },
  });
  return user;
}

// Like the use-cases, the factories keep inboxes in step: a post is delivered
// to its author's inbox and fanned out (as the job would, synchronously here),
// a new friendship or follow merges the author's posts into the inbox.

export async function buildPost(author: { id: number }, audience: Audience, body = `post ${randomUUID()}`) {
  const post = await db.post.create({ data: { authorId: author.id, audience, body } });
  await deliverToSelf(db, post.id, author.id);
  await fanOutPost(post.id);
  return post;
}

/** A post as written before any fan-out ran (e.g. the job is still queued). */
export async function buildPostWithoutFanOut(author: { id: number }, audience: Audience, body = `post ${randomUUID()}`) {
  return db.post.create({ data: { authorId: author.id, audience, body } });
}

export async function befriend(a: { id: number }, b: { id: number }) {
  await db.friendship.createMany({ data: [{ userId: a.id, friendId: b.id }, { userId: b.id, friendId: a.id }] });
  await mergeAuthorIntoInbox(db, a.id, b.id);
  await mergeAuthorIntoInbox(db, b.id, a.id);
}

export async function followUser(follower: { id: number }, followee: { id: number }) {
  await db.follow.create({ data: { followerId: follower.id, followeeId: followee.id } });
  await mergeAuthorIntoInbox(db, follower.id, followee.id);
}

/** A short unique lower-case suffix (hex) for handles, emails and keys made by tests. */
export function uniqueTag(length = 10): string {
  return randomUUID().replace(/-/g, "").slice(0, length);
}
