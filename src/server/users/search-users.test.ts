import { describe, expect, it } from "vitest";
import { blockUser } from "@/server/blocks/block-user";
import { buildUser, uniqueTag } from "@/test/factories";
import { searchUsers } from "./search-users";

describe("searchUsers", () => {
  it("finds people by handle prefix and name, but a blocked pair do not find each other", async () => {
    const tag = uniqueTag(6);
    const a = await buildUser({ handle: `sa${tag}`, displayName: `Searchable ${tag}` });
    const b = await buildUser({ handle: `sb${tag}`, displayName: `Searchable ${tag}` });
    const c = await buildUser();
    const names = async (viewer: { id: number } | null) => (await searchUsers(viewer, `Searchable ${tag}`)).map((u) => u.handle).sort();
    expect(await names(c)).toEqual([a.handle, b.handle]);
    await blockUser(a, { userId: b.id });
    expect(await names(a)).toEqual([a.handle]);
    expect(await names(b)).toEqual([b.handle]);
    expect(await names(c)).toEqual([a.handle, b.handle]);
    expect(await names(null)).toEqual([a.handle, b.handle]);
  });
});
