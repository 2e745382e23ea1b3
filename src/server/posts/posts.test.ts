// Writing posts: idempotent creation by clientKey (also concurrently), the
// post schema's limits and messages, and that only the author may delete a
// post or change its audience.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createPostSchema, POST_MAX_CHARS, setAudienceSchema } from "@/lib/validation/post";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { fromError, fromZodError } from "@/server/http/to-result";
import { buildPost, buildUser } from "@/test/factories";
import { createPost } from "./create-post";
import { deletePost } from "./delete-post";
import { setPostAudience } from "./set-post-audience";

const input = (raw: unknown) => createPostSchema.parse(raw);
const issuesOf = (raw: unknown) => {
  const result = createPostSchema.safeParse(raw);
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("createPost", () => {
  it("writes a post by the viewer with the chosen audience", async () => {
    const me = await buildUser();
    const post = await createPost(me, input({ body: "  你好，空间！ ", audience: "PUBLIC" }));
    expect(post).toMatchObject({ body: "你好，空间！", audience: "PUBLIC", mine: true, author: { id: me.id, handle: me.handle } });
    const row = await db.post.findUniqueOrThrow({ where: { id: Number(post.id) } });
    expect(row).toMatchObject({ authorId: me.id, body: "你好，空间！", audience: "PUBLIC", clientKey: null });
    // Without a clientKey, two submissions are two posts.
    await createPost(me, input({ body: "again" }));
    expect(await db.post.count({ where: { authorId: me.id } })).toBe(2);
  });

  it("defaults the audience to FRIENDS", async () => {
    const me = await buildUser();
    expect((await createPost(me, input({ body: "hi" }))).audience).toBe("FRIENDS");
  });

  it("with the same clientKey twice creates one post and returns it both times", async () => {
    const me = await buildUser();
    const clientKey = randomUUID();
    const first = await createPost(me, input({ body: "first", clientKey }));
    const second = await createPost(me, input({ body: "second try", clientKey }));
    expect(second.id).toBe(first.id);
    expect(second.body).toBe("first");
    expect(await db.post.count({ where: { authorId: me.id } })).toBe(1);
  });

  it("with the same clientKey five times at once creates one post", async () => {
    const me = await buildUser();
    const clientKey = randomUUID();
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => createPost(me, input({ body: `tap ${i}`, clientKey }))));
    expect(new Set(results.map((p) => p.id)).size).toBe(1);
    expect(await db.post.count({ where: { authorId: me.id } })).toBe(1);
    expect(await db.post.count({ where: { authorId: me.id, clientKey } })).toBe(1);
  });

  it("another author's clientKey makes the viewer's own post, never returns theirs", async () => {
    const [alice, mallory] = await Promise.all([buildUser(), buildUser()]);
    const clientKey = randomUUID();
    const hers = await createPost(alice, input({ body: "secret", audience: "ONLY_ME", clientKey }));
    const his = await createPost(mallory, input({ body: "mine", clientKey }));
    expect(his.id).not.toBe(hers.id);
    expect(his).toMatchObject({ body: "mine", author: { id: mallory.id } });
    expect(await db.post.count({ where: { clientKey } })).toBe(2);
  });
});

describe("createPostSchema", () => {
  it("counts code points: 2,000 汉字 pass, 2,001 are postTooLong", () => {
    expect(POST_MAX_CHARS).toBe(2000);
    expect(createPostSchema.safeParse({ body: "汉".repeat(2000) }).success).toBe(true);
    expect(issuesOf({ body: "汉".repeat(2001) })).toEqual([{ path: "body", message: "postTooLong" }]);
  });

  it("counts an emoji (a surrogate pair) as one character", () => {
    expect("😀".length).toBe(2);
    expect(createPostSchema.safeParse({ body: "😀".repeat(2000) }).success).toBe(true);
    expect(createPostSchema.safeParse({ body: "a".repeat(1999) + "😀" }).success).toBe(true);
    expect(issuesOf({ body: "a".repeat(2000) + "😀" })).toEqual([{ path: "body", message: "postTooLong" }]);
  });

  it("measures the trimmed text", () => {
    expect(createPostSchema.parse({ body: `  ${"汉".repeat(2000)}\n ` }).body).toBe("汉".repeat(2000));
  });

  it("refuses empty and whitespace-only bodies with postEmpty", () => {
    expect(createPostSchema.safeParse({ body: "x" }).success).toBe(true);
    for (const body of ["", "   ", "\n\t  \n", "\u0000\u0007"]) {
      expect(issuesOf({ body })).toEqual([{ path: "body", message: "postEmpty" }]);
    }
    expect(issuesOf({})).toEqual([{ path: "body", message: "postEmpty" }]);
  });

  it("refuses a forged authorId or id (strict), which the action reports as unexpectedFields", () => {
    expect(createPostSchema.safeParse({ body: "hello", audience: "PUBLIC" }).success).toBe(true);
    for (const forged of [{ authorId: 1 }, { id: 5 }]) {
      const result = createPostSchema.safeParse({ body: "hello", audience: "PUBLIC", ...forged });
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: Object.keys(forged) });
      expect(fromZodError(result.error!)).toEqual({ ok: false, code: "invalid", error: "unexpectedFields" });
    }
  });

  it("refuses an unknown audience and a clientKey that is not a UUID", () => {
    expect(issuesOf({ body: "x", audience: "EVERYONE" })).toEqual([{ path: "audience", message: "audienceInvalid" }]);
    expect(issuesOf({ body: "x", clientKey: "not-a-uuid" })).toEqual([{ path: "clientKey", message: "invalid" }]);
    expect(fromZodError(createPostSchema.safeParse({ body: "" }).error!)).toEqual({
      ok: false,
      code: "invalid",
      error: "checkFields",
      fieldErrors: { body: "postEmpty" },
    });
  });
});

describe("deletePost and setPostAudience", () => {
  it("by someone else throw not_found (like a missing post) and change nothing", async () => {
    const [author, other] = await Promise.all([buildUser(), buildUser()]);
    const post = await buildPost(author, "FRIENDS", "keep me");
    const missingId = 2147483000;

    for (const attempt of [
      () => deletePost(other, { postId: post.id }),
      () => setPostAudience(other, setAudienceSchema.parse({ postId: post.id, audience: "PUBLIC" })),
      () => deletePost(other, { postId: missingId }),
      () => setPostAudience(other, { postId: missingId, audience: "PUBLIC" }),
    ]) {
      const err = await attempt().then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect({ code: (err as AppError).code, key: (err as AppError).messageKey }).toEqual({ code: "not_found", key: "notFound" });
      expect(fromError(err)).toEqual({ ok: false, code: "not_found", error: "notFound" });
    }
    expect(await db.post.findUnique({ where: { id: post.id } })).toMatchObject({ authorId: author.id, audience: "FRIENDS", body: "keep me" });
  });

  it("by the author change the audience, then delete the post", async () => {
    const author = await buildUser();
    const post = await buildPost(author, "FRIENDS");
    const untouched = await buildPost(author, "FRIENDS");
    await setPostAudience(author, { postId: post.id, audience: "ONLY_ME" });
    expect((await db.post.findUniqueOrThrow({ where: { id: post.id } })).audience).toBe("ONLY_ME");
    await deletePost(author, { postId: post.id });
    expect(await db.post.findUnique({ where: { id: post.id } })).toBeNull();
    expect(await db.post.findUnique({ where: { id: untouched.id } })).toMatchObject({ audience: "FRIENDS" });
    // Deleting twice: the second time it is simply missing.
    await expect(deletePost(author, { postId: post.id })).rejects.toMatchObject({ code: "not_found" });
  });
});
