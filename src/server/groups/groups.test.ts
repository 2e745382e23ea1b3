// Friend groups: creating, renaming, deleting, adding and removing members,
// and their refusals (names, someone else's group, ids that are not the
// owner's friends: refused with nothing written). Unfriending takes each out
// of the other's groups in the same transaction.
import { describe, expect, it } from "vitest";
import { createGroupSchema, groupMembersSchema, GROUPS_MAX, renameGroupSchema } from "@/lib/validation/groups";
import { db } from "@/server/db";
import { fromError } from "@/server/http/to-result";
import { unfriend } from "@/server/social/unfriend";
import { befriend, buildUser } from "@/test/factories";
import { addGroupMembers } from "./add-group-members";
import { createGroup } from "./create-group";
import { deleteGroup } from "./delete-group";
import { listAudienceChoices } from "./list-audience-choices";
import { listGroups } from "./list-groups";
import { removeGroupMembers } from "./remove-group-members";
import { renameGroup } from "./rename-group";
import { appErrorOf } from "@/test/errors";

const named = (name: string) => createGroupSchema.parse({ name });
const members = (groupId: number, userIds: number[]) => groupMembersSchema.parse({ groupId, userIds });

const memberIds = async (groupId: number) => (await db.friendGroupMember.findMany({ where: { groupId }, orderBy: { userId: "asc" } })).map((m) => m.userId);

describe("group names (schema)", () => {
  it("are trimmed, 1 to 30 characters, with clear messages", () => {
    expect(createGroupSchema.parse({ name: "  同学  " })).toEqual({ name: "同学" });
    expect(createGroupSchema.parse({ name: "字".repeat(30) }).name).toHaveLength(30);
    const issue = (raw: unknown) => createGroupSchema.safeParse(raw).error?.issues[0]?.message;
    expect(issue({ name: "   " })).toBe("groupNameEmpty");
    expect(issue({ name: "字".repeat(31) })).toBe("groupNameTooLong");
    expect(issue({})).toBe("groupNameEmpty");
    expect(renameGroupSchema.safeParse({ groupId: 1, name: "" }).error?.issues[0]?.message).toBe("groupNameEmpty");
  });

  it("refuse forged extra fields and empty member lists", () => {
    expect(createGroupSchema.safeParse({ name: "Family", ownerId: 1 }).success).toBe(false);
    expect(groupMembersSchema.safeParse({ groupId: 1, userIds: [] }).error?.issues[0]?.message).toBe("groupChooseFriends");
    expect(groupMembersSchema.parse({ groupId: 1, userIds: [3, 2, 3] }).userIds).toEqual([2, 3]);
  });
});

describe("createGroup / renameGroup / deleteGroup", () => {
  it("creates empty groups, listed by name, for their owner only", async () => {
    const [me, other] = await Promise.all([buildUser(), buildUser()]);
    const family = await createGroup(me, named("Family"));
    expect(family).toEqual({ id: expect.any(Number), name: "Family", members: [] });
    await createGroup(me, named("classmates"));
    expect((await listGroups(me)).map((g) => g.name)).toEqual(["classmates", "Family"]);
    expect(await listGroups(other)).toEqual([]);
    expect(await db.friendGroup.findUniqueOrThrow({ where: { id: family.id } })).toMatchObject({ ownerId: me.id, name: "Family" });
  });

  it("refuses a name the owner already uses, whatever its case, and makes one group of a double submit", async () => {
    const [me, other] = await Promise.all([buildUser(), buildUser()]);
    await createGroup(me, named("Family"));
    const err = await appErrorOf(createGroup(me, named("family")));
    expect(err).toMatchObject({ code: "conflict", messageKey: "groupNameTaken", field: "name" });
    expect(fromError(err)).toMatchObject({ ok: false, fieldErrors: { name: "groupNameTaken" } });
    // Someone else may use the same name.
    await createGroup(other, named("Family"));
    // Two at once (a double click): one group, one refusal.
    const results = await Promise.allSettled([createGroup(me, named("Work")), createGroup(me, named("Work"))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.friendGroup.count({ where: { ownerId: me.id } })).toBe(2);
  });

  it("stops at the limit of groups", async () => {
    const me = await buildUser();
    await db.friendGroup.createMany({ data: Array.from({ length: GROUPS_MAX }, (_, i) => ({ ownerId: me.id, name: `g${i}` })) });
    await expect(createGroup(me, named("one more"))).rejects.toMatchObject({ code: "invalid", messageKey: "groupLimit" });
    expect(await db.friendGroup.count({ where: { ownerId: me.id } })).toBe(GROUPS_MAX);
  });

  it("renames a group; another name of the owner's or someone else's group is refused", async () => {
    const [me, mallory] = await Promise.all([buildUser(), buildUser()]);
    const a = await createGroup(me, named("Family"));
    await createGroup(me, named("Work"));
    expect(await renameGroup(me, renameGroupSchema.parse({ groupId: a.id, name: "Relatives" }))).toMatchObject({ id: a.id, name: "Relatives" });
    // Changing only the case of its own name is fine.
    expect((await renameGroup(me, renameGroupSchema.parse({ groupId: a.id, name: "relatives" }))).name).toBe("relatives");
    await expect(renameGroup(me, renameGroupSchema.parse({ groupId: a.id, name: "WORK" }))).rejects.toMatchObject({ code: "conflict", messageKey: "groupNameTaken" });
    await expect(renameGroup(mallory, renameGroupSchema.parse({ groupId: a.id, name: "Hacked" }))).rejects.toMatchObject({ code: "not_found" });
    expect((await db.friendGroup.findUniqueOrThrow({ where: { id: a.id } })).name).toBe("relatives");
  });

  it("deletes a group with its memberships; someone else's id changes nothing", async () => {
    const [me, friend, mallory] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    await befriend(me, friend);
    const g = await createGroup(me, named("Family"));
    await addGroupMembers(me, members(g.id, [friend.id]));
    await expect(deleteGroup(mallory, { groupId: g.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await memberIds(g.id)).toEqual([friend.id]);
    expect(await deleteGroup(me, { groupId: g.id })).toEqual({ groupId: g.id });
    expect(await db.friendGroup.count({ where: { id: g.id } })).toBe(0);
    expect(await db.friendGroupMember.count({ where: { groupId: g.id } })).toBe(0);
    await expect(deleteGroup(me, { groupId: g.id })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("addGroupMembers / removeGroupMembers", () => {
  it("adds the owner's friends (twice is once) and removes them", async () => {
    const [me, b, c] = await Promise.all([buildUser({ displayName: "Bea" }), buildUser({ displayName: "Cai" }), buildUser()]);
    await befriend(me, b);
    await befriend(me, c);
    const g = await createGroup(me, named("Classmates"));
    const after = await addGroupMembers(me, members(g.id, [c.id, b.id]));
    expect(after.members.map((m) => m.id).sort()).toEqual([b.id, c.id].sort());
    expect(after.members[0]).toMatchObject({ handle: expect.any(String), displayName: expect.any(String), avatarUrl: null });
    await addGroupMembers(me, members(g.id, [b.id]));
    expect(await memberIds(g.id)).toEqual([b.id, c.id].sort((x, y) => x - y));
    const removed = await removeGroupMembers(me, members(g.id, [b.id]));
    expect(removed.members.map((m) => m.id)).toEqual([c.id]);
    // Removing someone who is not in it is harmless.
    await removeGroupMembers(me, members(g.id, [b.id]));
    expect(await memberIds(g.id)).toEqual([c.id]);
  });

  it("refuses anyone who is not the owner's friend, and then adds nobody", async () => {
    const [me, friend, stranger, exFriend] = await Promise.all([buildUser(), buildUser(), buildUser(), buildUser()]);
    await befriend(me, friend);
    await befriend(me, exFriend);
    await unfriend(me, { userId: exFriend.id });
    const g = await createGroup(me, named("Mixed"));
    for (const forged of [stranger.id, exFriend.id, me.id, 2147483000]) {
      const err = await appErrorOf(addGroupMembers(me, members(g.id, [friend.id, forged])));
      expect(err).toMatchObject({ code: "invalid", messageKey: "groupMemberNotFriend", field: "userIds" });
      expect(await memberIds(g.id)).toEqual([]);
    }
  });

  it("refuses someone else's group, adding and removing alike", async () => {
    const [me, friend, mallory] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    await befriend(me, friend);
    await befriend(mallory, friend);
    const g = await createGroup(me, named("Mine"));
    await addGroupMembers(me, members(g.id, [friend.id]));
    await expect(addGroupMembers(mallory, members(g.id, [friend.id]))).rejects.toMatchObject({ code: "not_found" });
    await expect(removeGroupMembers(mallory, members(g.id, [friend.id]))).rejects.toMatchObject({ code: "not_found" });
    expect(await memberIds(g.id)).toEqual([friend.id]);
  });
});

describe("unfriending", () => {
  it("takes each out of the other's groups, and nobody else out of any", async () => {
    const [a, b, c] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    await befriend(a, b);
    await befriend(a, c);
    await befriend(b, c);
    const ga = await createGroup(a, named("A's"));
    const gb = await createGroup(b, named("B's"));
    await addGroupMembers(a, members(ga.id, [b.id, c.id]));
    await addGroupMembers(b, members(gb.id, [a.id, c.id]));
    await unfriend(b, { userId: a.id });
    expect(await memberIds(ga.id)).toEqual([c.id]);
    expect(await memberIds(gb.id)).toEqual([c.id]);
    // Friends again: not silently back in the groups they were once in.
    await befriend(a, b);
    expect(await memberIds(ga.id)).toEqual([c.id]);
  });
});

describe("listAudienceChoices", () => {
  it("lists the owner's groups with how many current friends each holds, and the owner's friends", async () => {
    const [me, b, c, stranger] = await Promise.all([buildUser({ displayName: "Zed" }), buildUser({ displayName: "amy" }), buildUser({ displayName: "Bob" }), buildUser()]);
    await befriend(me, b);
    await befriend(me, c);
    const g = await createGroup(me, named("Family"));
    await createGroup(me, named("Empty"));
    await addGroupMembers(me, members(g.id, [b.id, c.id]));
    // A membership left behind by a friendship ended some other way does not count.
    await db.friendship.deleteMany({ where: { OR: [{ userId: me.id, friendId: c.id }, { userId: c.id, friendId: me.id }] } });
    const choices = await listAudienceChoices(me);
    expect(choices.groups).toEqual([
      { id: expect.any(Number), name: "Empty", memberCount: 0 },
      { id: g.id, name: "Family", memberCount: 1 },
    ]);
    expect(choices.friends.map((f) => f.id)).toEqual([b.id]);
    expect((await listGroups(me)).find((x) => x.id === g.id)!.members.map((m) => m.id)).toEqual([b.id]);
    expect((await listAudienceChoices(stranger)).groups).toEqual([]);
  });
});
