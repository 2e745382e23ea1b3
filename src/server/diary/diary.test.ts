// The diary on the real database: private by default, who sees an entry in
// the feed, the month list and the calendar (never a hidden entry's date),
// widening, editing and deleting (a forged id changes nothing), and the
// schema's refusals.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { SignedInViewer } from "@/server/auth/viewer";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { fanOutPost } from "@/server/feed/fan-out";
import { getFeed } from "@/server/feed/get-feed";
import { fromError, fromZodError } from "@/server/http/to-result";
import { deletePost } from "@/server/posts/delete-post";
import { setPostAudience } from "@/server/posts/set-post-audience";
import { accessTo } from "@/server/privacy";
import { LATEST_TIME_ZONE, shiftMonth, todayIn } from "@/lib/diary";
import { createDiarySchema, updateDiarySchema } from "@/lib/validation/diary";
import { befriend, buildPost, buildUser, followUser } from "@/test/factories";
import { calendarDays } from "./calendar-days";
import { createEntry } from "./create-entry";
import { getEntry } from "./get-entry";
import { listMonth } from "./list-month";
import { updateEntry } from "./update-entry";

const write = (viewer: SignedInViewer, raw: Record<string, unknown>) => createEntry(viewer, createDiarySchema.parse({ entryDate: "2024-03-12", body: "dear diary", ...raw }));
const edit = (viewer: SignedInViewer, raw: Record<string, unknown>) => updateEntry(viewer, updateDiarySchema.parse(raw));

/** What `viewer` sees of `owner`'s diary for one month: the list's ids and the calendar. */
async function diaryAs(viewer: SignedInViewer | null, owner: { id: number }, month: string) {
  const access = await accessTo(viewer, owner.id);
  const [list, days] = await Promise.all([listMonth(viewer, { ownerId: owner.id, access, month }), calendarDays({ ownerId: owner.id, access, month })]);
  return { ids: list.items.map((p) => p.id), days };
}

const feedIds = async (viewer: SignedInViewer) => (await getFeed(viewer, {})).items.map((p) => p.id);

async function rejection(work: Promise<unknown>): Promise<AppError> {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** Tomorrow where the calendar is furthest ahead: in the future in every time zone. */
const tomorrowEverywhere = () => {
  const d = new Date(`${todayIn(LATEST_TIME_ZONE)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

describe("createEntry", () => {
  it("writes a post of kind diary and its diary row, only-me by default, in the author's own feed", async () => {
    const me = await buildUser();
    const entry = await write(me, { title: "  Spring  ", body: "Plum blossoms at https://example.com/plum", mood: "happy", weather: "sunny" });
    expect(entry).toMatchObject({
      kind: "diary",
      title: "Spring",
      audience: "ONLY_ME",
      mine: true,
      attachment: { kind: "diary", date: "2024-03-12", mood: "happy", weather: "sunny" },
    });
    expect(entry.segments).toContainEqual({ kind: "link", text: "https://example.com/plum", href: "https://example.com/plum" });
    const row = await db.post.findUniqueOrThrow({ where: { id: Number(entry.id) }, include: { diary: true } });
    expect(row).toMatchObject({ authorId: me.id, kind: "diary", audience: "ONLY_ME", editedAt: null });
    expect(row.diary).toMatchObject({ authorId: me.id, mood: "happy", weather: "sunny" });
    expect(row.diary!.entryDate.toISOString()).toBe("2024-03-12T00:00:00.000Z");
    expect(await feedIds(me)).toContain(entry.id);
  });

  it("stores no title, mood or weather when the form leaves them empty", async () => {
    const me = await buildUser();
    const entry = await write(me, { title: "", mood: "", weather: "" });
    expect(entry).toMatchObject({ title: null, attachment: { mood: null, weather: null } });
  });

  it("with the same clientKey twice (even at once) writes one entry", async () => {
    const me = await buildUser();
    const clientKey = randomUUID();
    const results = await Promise.all([1, 2, 3].map((i) => write(me, { body: `tap ${i}`, clientKey })));
    expect(new Set(results.map((p) => p.id)).size).toBe(1);
    expect(await db.post.count({ where: { authorId: me.id } })).toBe(1);
    expect(await db.diaryEntry.count({ where: { authorId: me.id } })).toBe(1);
  });

  it("refuses a date in the future with a field error, and writes nothing", async () => {
    const me = await buildUser();
    const err = await rejection(write(me, { entryDate: tomorrowEverywhere() }));
    expect(err).toMatchObject({ code: "invalid", messageKey: "diaryDateFuture", field: "entryDate" });
    expect(fromError(err)).toEqual({ ok: false, code: "invalid", error: "diaryDateFuture", fieldErrors: { entryDate: "diaryDateFuture" } });
    expect(await db.post.count({ where: { authorId: me.id } })).toBe(0);
  });

  it("judges 'the future' in the writer's time zone", async () => {
    const me = await buildUser();
    // Kiritimati (UTC+14) is always a calendar day or more ahead of Pago Pago (UTC-11).
    const aheadToday = todayIn(LATEST_TIME_ZONE);
    const err = await rejection(write(me, { entryDate: aheadToday, timeZone: "Pacific/Pago_Pago" }));
    expect(err.messageKey).toBe("diaryDateFuture");
    await expect(write(me, { entryDate: aheadToday, timeZone: LATEST_TIME_ZONE })).resolves.toMatchObject({ attachment: { date: aheadToday } });
  });
});

describe("who sees a diary entry", () => {
  it("an only-me entry is the owner's alone: absent from a friend's feed, month list and calendar", async () => {
    const [owner, friend] = await Promise.all([buildUser(), buildUser()]);
    await befriend(owner, friend);
    const visible = await buildPost(owner, "FRIENDS", "a status the friend does see");
    const entry = await write(owner, { entryDate: "2024-05-09" });
    // Even a fan-out run (as a stray job would) delivers nothing for only-me.
    expect(await fanOutPost(Number(entry.id))).toEqual({ delivered: 0, hot: false });

    const friendFeed = await feedIds(friend);
    expect(friendFeed).toContain(String(visible.id));
    expect(friendFeed).not.toContain(entry.id);
    expect(await diaryAs(friend, owner, "2024-05")).toEqual({ ids: [], days: [] });
    await expect(getEntry(friend, { postId: Number(entry.id), handle: owner.handle })).rejects.toMatchObject({ code: "not_found" });

    expect(await feedIds(owner)).toContain(entry.id);
    expect(await diaryAs(owner, owner, "2024-05")).toEqual({ ids: [entry.id], days: [{ date: "2024-05-09", count: 1 }] });
    await expect(getEntry(owner, { postId: Number(entry.id), handle: owner.handle })).resolves.toMatchObject({ id: entry.id });
  });

  it("widened to friends, it reaches the friend's feed (after the fan-out), list and calendar; never a stranger's or a follower's", async () => {
    const [owner, friend, stranger, follower] = await Promise.all([buildUser(), buildUser(), buildUser(), buildUser()]);
    await befriend(owner, friend);
    await followUser(follower, owner);
    const entry = await write(owner, { entryDate: "2024-06-01", body: "widen me" });
    // Inboxes exist before the widening, so only the fan-out can bring the entry in.
    expect(await feedIds(friend)).not.toContain(entry.id);
    expect(await feedIds(follower)).not.toContain(entry.id);

    await setPostAudience(owner, { postId: Number(entry.id), audience: "FRIENDS" });
    expect(await feedIds(friend)).not.toContain(entry.id); // the fan-out job has not run yet
    const { delivered } = await fanOutPost(Number(entry.id));
    expect(delivered).toBeGreaterThanOrEqual(2); // friend and follower inboxes hold the id...

    const shown = (await getFeed(friend, {})).items.find((p) => p.id === entry.id);
    expect(shown).toMatchObject({ kind: "diary", audience: "FRIENDS", attachment: { kind: "diary", date: "2024-06-01" } });
    expect(await diaryAs(friend, owner, "2024-06")).toEqual({ ids: [entry.id], days: [{ date: "2024-06-01", count: 1 }] });
    await expect(getEntry(friend, { postId: Number(entry.id), handle: owner.handle })).resolves.toMatchObject({ id: entry.id, mine: false });

    // ...but the follower's read is filtered by the privacy module, like the stranger's.
    expect(await feedIds(follower)).not.toContain(entry.id);
    for (const other of [stranger, follower, null]) {
      if (other) expect(await feedIds(other)).not.toContain(entry.id);
      expect(await diaryAs(other, owner, "2024-06")).toEqual({ ids: [], days: [] });
      await expect(getEntry(other, { postId: Number(entry.id), handle: owner.handle })).rejects.toMatchObject({ code: "not_found" });
    }
  });

  it("a day's calendar count counts only the entries the viewer may read", async () => {
    const [owner, friend] = await Promise.all([buildUser(), buildUser()]);
    await befriend(owner, friend);
    const shared = await write(owner, { entryDate: "2024-07-04", audience: "FRIENDS" });
    await write(owner, { entryDate: "2024-07-04" });
    await write(owner, { entryDate: "2024-07-05" });
    expect(await diaryAs(friend, owner, "2024-07")).toEqual({ ids: [shared.id], days: [{ date: "2024-07-04", count: 1 }] });
    expect((await diaryAs(owner, owner, "2024-07")).days).toEqual([
      { date: "2024-07-04", count: 2 },
      { date: "2024-07-05", count: 1 },
    ]);
  });

  it("a public entry is listed for anonymous visitors", async () => {
    const owner = await buildUser();
    const entry = await write(owner, { entryDate: "2024-08-08", audience: "PUBLIC" });
    expect(await diaryAs(null, owner, "2024-08")).toEqual({ ids: [entry.id], days: [{ date: "2024-08-08", count: 1 }] });
  });

  it("getEntry answers not found for another kind's id and under another handle", async () => {
    const [owner, other] = await Promise.all([buildUser(), buildUser()]);
    const status = await buildPost(owner, "PUBLIC");
    const entry = await write(owner, { audience: "PUBLIC" });
    await expect(getEntry(owner, { postId: status.id, handle: owner.handle })).rejects.toMatchObject({ code: "not_found" });
    await expect(getEntry(owner, { postId: Number(entry.id), handle: other.handle })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("listMonth", () => {
  it("lists one month's entries, newest date first and the last written first within a day", async () => {
    const me = await buildUser();
    const early = await write(me, { entryDate: "2023-03-05" });
    const lateFirst = await write(me, { entryDate: "2023-03-31" });
    const lateSecond = await write(me, { entryDate: "2023-03-31" });
    const mid = await write(me, { entryDate: "2023-03-20" });
    await write(me, { entryDate: "2023-02-28" });
    await write(me, { entryDate: "2023-04-01" });
    const { ids, days } = await diaryAs(me, me, "2023-03");
    expect(ids).toEqual([lateSecond.id, lateFirst.id, mid.id, early.id]);
    expect(days).toEqual([
      { date: "2023-03-05", count: 1 },
      { date: "2023-03-20", count: 1 },
      { date: "2023-03-31", count: 2 },
    ]);
    expect((await diaryAs(me, me, shiftMonth("2023-03", 1))).days).toEqual([{ date: "2023-04-01", count: 1 }]);
  });
});

describe("updateEntry and delete", () => {
  it("the author edits date, mood, weather, title and text; the entry is marked edited", async () => {
    const me = await buildUser();
    const entry = await write(me, { entryDate: "2024-01-01", mood: "sad", weather: "rainy", title: "Old" });
    const edited = await edit(me, { postId: entry.id, entryDate: "2024-01-02", mood: "calm", weather: "", title: "", body: "new text" });
    expect(edited).toMatchObject({ id: entry.id, title: null, body: "new text", audience: "ONLY_ME", attachment: { date: "2024-01-02", mood: "calm", weather: null } });
    expect(edited.editedAt).not.toBeNull();
    const row = await db.post.findUniqueOrThrow({ where: { id: Number(entry.id) }, include: { diary: true } });
    expect(row.editedAt).not.toBeNull();
    expect(row.diary!.entryDate.toISOString().slice(0, 10)).toBe("2024-01-02");
  });

  it("an edit to a future date is refused and changes nothing", async () => {
    const me = await buildUser();
    const entry = await write(me, { entryDate: "2024-01-01" });
    const err = await rejection(edit(me, { postId: entry.id, entryDate: tomorrowEverywhere(), body: "x" }));
    expect(err).toMatchObject({ messageKey: "diaryDateFuture", field: "entryDate" });
    const row = await db.post.findUniqueOrThrow({ where: { id: Number(entry.id) }, include: { diary: true } });
    expect(row).toMatchObject({ body: "dear diary", editedAt: null });
    expect(row.diary!.entryDate.toISOString().slice(0, 10)).toBe("2024-01-01");
  });

  it("a forged id (someone else's entry) answers not found for edit, audience and delete, and changes nothing", async () => {
    const [owner, mallory] = await Promise.all([buildUser(), buildUser()]);
    await befriend(owner, mallory);
    const entry = await write(owner, { body: "private thoughts", mood: "tired" });
    const postId = Number(entry.id);
    const before = await db.post.findUniqueOrThrow({ where: { id: postId }, include: { diary: true } });

    // One at a time (thunks): a rejection must never wait unobserved for its turn.
    for (const attempt of [
      () => edit(mallory, { postId, entryDate: "2024-02-02", body: "hacked", mood: "angry" }),
      () => setPostAudience(mallory, { postId, audience: "PUBLIC" }),
      () => deletePost(mallory, { postId }),
    ]) {
      const err = await rejection(attempt());
      expect(fromError(err)).toEqual({ ok: false, code: "not_found", error: "notFound" });
    }
    // Exactly what a missing id answers.
    await expect(edit(mallory, { postId: 2147483647, entryDate: "2024-02-02", body: "x" })).rejects.toMatchObject({ code: "not_found", messageKey: "notFound" });
    expect(await db.post.findUniqueOrThrow({ where: { id: postId }, include: { diary: true } })).toEqual(before);
  });

  it("updateEntry refuses the author's own non-diary post id", async () => {
    const me = await buildUser();
    const status = await buildPost(me, "FRIENDS", "status text");
    await expect(edit(me, { postId: status.id, entryDate: "2024-02-02", body: "x" })).rejects.toMatchObject({ code: "not_found" });
    expect(await db.post.findUniqueOrThrow({ where: { id: status.id } })).toMatchObject({ body: "status text", editedAt: null });
  });

  it("the author deletes an entry with deletePost: the post and its diary row go", async () => {
    const me = await buildUser();
    const entry = await write(me, { entryDate: "2024-09-09" });
    await deletePost(me, { postId: Number(entry.id) });
    expect(await db.post.count({ where: { id: Number(entry.id) } })).toBe(0);
    expect(await db.diaryEntry.count({ where: { postId: Number(entry.id) } })).toBe(0);
    expect(await diaryAs(me, me, "2024-09")).toEqual({ ids: [], days: [] });
  });
});

describe("diary schemas", () => {
  const issues = (raw: unknown) => {
    const r = createDiarySchema.safeParse(raw);
    expect(r.success).toBe(false);
    return fromZodError(r.error!);
  };
  const base = { entryDate: "2024-03-12", body: "text" };

  it("refuses a mood or weather outside the list", () => {
    expect(issues({ ...base, mood: "ecstatic" })).toMatchObject({ fieldErrors: { mood: "diaryMoodInvalid" } });
    expect(issues({ ...base, weather: "hail" })).toMatchObject({ fieldErrors: { weather: "diaryWeatherInvalid" } });
    expect(createDiarySchema.parse({ ...base, mood: "excited", weather: "foggy" })).toMatchObject({ mood: "excited", weather: "foggy" });
  });

  it("refuses impossible dates, empty or too long text, a too long title, and extra fields", () => {
    expect(issues({ ...base, entryDate: "2024-02-30" })).toMatchObject({ fieldErrors: { entryDate: "diaryDateInvalid" } });
    expect(issues({ ...base, entryDate: "12/03/2024" })).toMatchObject({ fieldErrors: { entryDate: "diaryDateInvalid" } });
    expect(issues({ ...base, entryDate: "1899-12-31" })).toMatchObject({ fieldErrors: { entryDate: "diaryDateInvalid" } });
    expect(issues({ ...base, body: "   " })).toMatchObject({ fieldErrors: { body: "diaryBodyEmpty" } });
    expect(issues({ ...base, body: "字".repeat(10_001) })).toMatchObject({ fieldErrors: { body: "diaryBodyTooLong" } });
    expect(createDiarySchema.safeParse({ ...base, body: "字".repeat(10_000) }).success).toBe(true);
    expect(issues({ ...base, title: "t".repeat(101) })).toMatchObject({ fieldErrors: { title: "diaryTitleTooLong" } });
    expect(createDiarySchema.safeParse({ ...base, title: "题".repeat(100) }).success).toBe(true);
    expect(issues({ ...base, timeZone: "Mars/Olympus" })).toMatchObject({ fieldErrors: { timeZone: "invalid" } });
    expect(issues({ ...base, authorId: 1 })).toMatchObject({ error: "unexpectedFields" });
    expect(updateDiarySchema.safeParse({ ...base, postId: "1", audience: "PUBLIC" }).success).toBe(false);
  });

  it("defaults the audience to only me", () => {
    expect(createDiarySchema.parse(base).audience).toBe("ONLY_ME");
  });
});
