// The audience choice every write receives: the shared schema fragment's rules
// (CUSTOM needs someone; other audiences carry no lists), resolveAudience's
// ownership checks (own groups, current friends only), and when a change of
// audience widens it (the fan-out must run again).
import { describe, expect, it } from "vitest";
import { audienceChoice } from "@/lib/validation/audience";
import { createAlbumSchema, updateAlbumSchema } from "@/lib/validation/album";
import { publishBlogSchema } from "@/lib/validation/blog";
import { createDiarySchema } from "@/lib/validation/diary";
import { createTrackSchema } from "@/lib/validation/music";
import { createPostSchema, setAudienceSchema } from "@/lib/validation/post";
import { createVideoSchema } from "@/lib/validation/video";
import { fromZodError } from "@/server/http/to-result";
import { unfriend } from "@/server/social/unfriend";
import { befriend, buildUser } from "@/test/factories";
import { createGroup } from "./create-group";
import { resolveAudience } from "./resolve-audience";
import { widensAudience } from "./widens-audience";

const issues = (raw: unknown) => {
  const r = audienceChoice.safeParse(raw);
  expect(r.success).toBe(false);
  return r.error!.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("audienceChoice (schema)", () => {
  it("CUSTOM needs at least one group or friend, reported on the audience field", () => {
    expect(issues({ audience: "CUSTOM" })).toEqual([{ path: "audience", message: "audienceChooseSomeone" }]);
    expect(issues({ audience: "CUSTOM", audienceGroupIds: [], audienceUserIds: [] })).toEqual([{ path: "audience", message: "audienceChooseSomeone" }]);
    expect(fromZodError(audienceChoice.safeParse({ audience: "CUSTOM" }).error!)).toMatchObject({ fieldErrors: { audience: "audienceChooseSomeone" } });
    expect(audienceChoice.parse({ audience: "CUSTOM", audienceGroupIds: [7, "3", 7] })).toEqual({ audience: "CUSTOM", audienceGroupIds: [3, 7] });
    expect(audienceChoice.parse({ audience: "CUSTOM", audienceUserIds: [5] })).toEqual({ audience: "CUSTOM", audienceUserIds: [5] });
  });

  it("any other audience must not carry lists (empty ones are harmless)", () => {
    expect(issues({ audience: "FRIENDS", audienceGroupIds: [1] })).toEqual([{ path: "audienceGroupIds", message: "audienceInvalid" }]);
    expect(issues({ audience: "PUBLIC", audienceUserIds: [1] })).toEqual([{ path: "audienceUserIds", message: "audienceInvalid" }]);
    expect(audienceChoice.parse({ audience: "ONLY_ME", audienceGroupIds: [] })).toEqual({ audience: "ONLY_ME", audienceGroupIds: [] });
  });

  it("refuses ids that are not ids, and too many of them", () => {
    expect(audienceChoice.safeParse({ audience: "CUSTOM", audienceGroupIds: [0] }).success).toBe(false);
    expect(audienceChoice.safeParse({ audience: "CUSTOM", audienceGroupIds: ["x"] }).success).toBe(false);
    expect(audienceChoice.safeParse({ audience: "CUSTOM", audienceGroupIds: 5 }).success).toBe(false);
    expect(audienceChoice.safeParse({ audience: "CUSTOM", audienceGroupIds: Array.from({ length: 101 }, (_, i) => i + 1) }).success).toBe(false);
  });

  it("is part of every write that sets an audience", () => {
    const custom = { audience: "CUSTOM" };
    const cases: [string, { safeParse: (raw: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }, object][] = [
      ["status", createPostSchema, { body: "hi" }],
      ["status audience", setAudienceSchema, { postId: 1 }],
      ["blog", publishBlogSchema, { title: "t", source: "s" }],
      ["diary", createDiarySchema, { entryDate: "2026-01-01", body: "b" }],
      ["album", createAlbumSchema, { title: "t" }],
      ["album edit", updateAlbumSchema, { albumId: 1 }],
      ["music", createTrackSchema, { mediaId: 1, title: "t" }],
      ["video", createVideoSchema, { mediaId: 1, title: "t" }],
    ];
    for (const [name, schema, base] of cases) {
      const none = schema.safeParse({ ...base, ...custom });
      expect(none.error?.issues.map((i) => i.message), name).toContain("audienceChooseSomeone");
      expect(schema.safeParse({ ...base, ...custom, audienceGroupIds: [1] }).success, name).toBe(true);
      expect(schema.safeParse({ ...base, audience: "FRIENDS", audienceUserIds: [1] }).success, name).toBe(false);
    }
    // An album edit that leaves the audience alone carries no lists either.
    expect(updateAlbumSchema.safeParse({ albumId: 1, title: "x", audienceGroupIds: [1] }).success).toBe(false);
  });
});

describe("resolveAudience", () => {
  it("clears the lists of any audience but CUSTOM", async () => {
    const me = await buildUser();
    expect(await resolveAudience(me.id, { audience: "FRIENDS" })).toEqual({ audience: "FRIENDS", audienceGroupIds: [], audienceUserIds: [] });
    expect(await resolveAudience(me.id, { audience: "PUBLIC", audienceGroupIds: [] })).toEqual({ audience: "PUBLIC", audienceGroupIds: [], audienceUserIds: [] });
  });

  it("accepts the owner's own groups and current friends, sorted and without repeats", async () => {
    const [me, b, c] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    await befriend(me, b);
    await befriend(me, c);
    const [g1, g2] = [await createGroup(me, { name: "One" }), await createGroup(me, { name: "Two" })];
    expect(await resolveAudience(me.id, { audience: "CUSTOM", audienceGroupIds: [g2.id, g1.id, g2.id], audienceUserIds: [c.id, b.id] })).toEqual({
      audience: "CUSTOM",
      audienceGroupIds: [g1.id, g2.id].sort((x, y) => x - y),
      audienceUserIds: [b.id, c.id].sort((x, y) => x - y),
    });
    // An empty group is still a group of one's own (friends may join it later).
    expect((await resolveAudience(me.id, { audience: "CUSTOM", audienceGroupIds: [g1.id] })).audienceGroupIds).toEqual([g1.id]);
  });

  it("refuses someone else's group or a made-up one, naming the field", async () => {
    const [me, mallory] = await Promise.all([buildUser(), buildUser()]);
    const mine = await createGroup(me, { name: "Mine" });
    const theirs = await createGroup(mallory, { name: "Theirs" });
    for (const forged of [theirs.id, 2147483000]) {
      await expect(resolveAudience(me.id, { audience: "CUSTOM", audienceGroupIds: [mine.id, forged] })).rejects.toMatchObject({
        code: "invalid",
        messageKey: "audienceGroupInvalid",
        field: "audienceGroupIds",
      });
    }
  });

  it("refuses a stranger, an ex-friend, oneself or a made-up user, naming the field", async () => {
    const [me, friend, stranger, ex] = await Promise.all([buildUser(), buildUser(), buildUser(), buildUser()]);
    await befriend(me, friend);
    await befriend(me, ex);
    await unfriend(ex, { userId: me.id });
    for (const forged of [stranger.id, ex.id, me.id, 2147483000]) {
      await expect(resolveAudience(me.id, { audience: "CUSTOM", audienceUserIds: [friend.id, forged] })).rejects.toMatchObject({
        code: "invalid",
        messageKey: "audienceFriendInvalid",
        field: "audienceUserIds",
      });
    }
  });

  it("refuses CUSTOM with nobody even when called without the schema", async () => {
    const me = await buildUser();
    await expect(resolveAudience(me.id, { audience: "CUSTOM" })).rejects.toMatchObject({ messageKey: "audienceChooseSomeone", field: "audience" });
  });
});

describe("widensAudience", () => {
  const a = (audience: "PUBLIC" | "FRIENDS" | "CUSTOM" | "ONLY_ME", groups: number[] = [], users: number[] = []) => ({ audience, audienceGroupIds: groups, audienceUserIds: users });

  it("follows the privacy table, chosen viewers included", () => {
    expect(widensAudience(a("ONLY_ME"), a("CUSTOM", [1]))).toBe(true);
    expect(widensAudience(a("ONLY_ME"), a("CUSTOM", [], [9]))).toBe(true);
    expect(widensAudience(a("CUSTOM", [1]), a("CUSTOM", [1, 2]))).toBe(true);
    expect(widensAudience(a("CUSTOM", [1]), a("CUSTOM", [1], [9]))).toBe(true);
    expect(widensAudience(a("CUSTOM", [1]), a("FRIENDS"))).toBe(true);
    expect(widensAudience(a("CUSTOM", [1, 2]), a("CUSTOM", [2]))).toBe(false);
    expect(widensAudience(a("FRIENDS"), a("CUSTOM", [1], [9]))).toBe(false);
    expect(widensAudience(a("CUSTOM", [1]), a("ONLY_ME"))).toBe(false);
    expect(widensAudience(a("FRIENDS"), a("PUBLIC"))).toBe(true);
    expect(widensAudience(a("PUBLIC"), a("FRIENDS"))).toBe(false);
  });
});
