// Reports and their review, through the use-cases against the real database:
// who may report what (only what they can see; not their own item; not
// someone hiding from them), one open report per reporter and target however
// often it is sent, the input rules, and the admin side: only admins may list
// or resolve (everyone else gets not_found and changes nothing), the admin
// reads reported items whatever their audience, dismiss and remove are
// recorded, and a removed item is gone for everyone.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPORT_NOTE_MAX_CHARS, reportItemSchema, reportUserSchema } from "@/lib/validation/reports";
import type { SignedInViewer } from "@/server/auth/viewer";
import { blockUser } from "@/server/blocks/block-user";
import { db } from "@/server/db";
import { getPost } from "@/server/posts/get-post";
import { deletePost } from "@/server/posts/delete-post";
import type { AdminGrant } from "@/server/privacy/admin";
import { setStorageForTests } from "@/server/storage";
import { LocalDiskStorage } from "@/server/storage/local-disk";
import { setRoleByHandle } from "@/server/users/set-role";
import { buildItem } from "@/test/content-factories";
import { befriend, buildPost, buildUser } from "@/test/factories";
import { listOpenReports, type ReportView } from "./list-reports";
import { reportItem, reportUser } from "./report";
import { dismissReport, removeReportedItem } from "./resolve-report";
import { errorOf, expectLikeMissing } from "@/test/errors";

beforeAll(() => setStorageForTests(new LocalDiskStorage(mkdtempSync(path.join(tmpdir(), "kj-reports-")))));
afterAll(() => setStorageForTests(null));

const MISSING_ID = 2147483000;
const spam = { reason: "spam" as const, note: "" };


const reportsBy = (reporter: { id: number }) => db.report.findMany({ where: { reporterId: reporter.id }, orderBy: { id: "asc" } });

async function makeAdmin() {
  const admin = await buildUser();
  await setRoleByHandle(admin.handle, "ADMIN");
  return admin;
}

/** Every open report the admin is shown, all pages, newest first. */
async function openReports(admin: SignedInViewer): Promise<ReportView[]> {
  const all: ReportView[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await listOpenReports(admin, { before });
    all.push(...page.items);
    if (!page.nextCursor) return all;
    before = Number(page.nextCursor);
  }
}

describe("reporting an item", () => {
  it("files one open report with reason and note, however many times it is sent", async () => {
    const [author, reporter] = await Promise.all([buildUser(), buildUser()]);
    const post = await buildPost(author, "PUBLIC");
    const first = await reportItem(reporter, reportItemSchema.parse({ postId: post.id, reason: "harassment", note: "  keeps posting this  " }));
    expect(first.alreadyReported).toBe(false);
    const again = await reportItem(reporter, { postId: post.id, reason: "spam", note: "" });
    expect(again).toEqual({ reportId: first.reportId, alreadyReported: true });
    const burst = await Promise.all(Array.from({ length: 6 }, () => reportItem(reporter, { postId: post.id, ...spam })));
    expect(new Set(burst.map((r) => r.reportId))).toEqual(new Set([first.reportId]));

    const rows = await reportsBy(reporter);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ postId: post.id, targetUserId: null, reason: "harassment", note: "keeps posting this", status: "open", resolvedAt: null, resolvedById: null });
  });

  it("submissions at the same moment on a fresh item, or user, are one report", async () => {
    const [author, reporter] = await Promise.all([buildUser(), buildUser()]);
    for (let round = 0; round < 8; round++) {
      const post = await buildPost(author, "PUBLIC");
      const burst = await Promise.all(Array.from({ length: 6 }, () => reportItem(reporter, { postId: post.id, ...spam })));
      expect(await db.report.count({ where: { reporterId: reporter.id, postId: post.id } })).toBe(1);
      expect(burst.filter((r) => !r.alreadyReported)).toHaveLength(1);
      expect(new Set(burst.map((r) => r.reportId)).size).toBe(1);
    }
    const target = await buildUser();
    await Promise.all(Array.from({ length: 6 }, () => reportUser(reporter, { userId: target.id, ...spam })));
    expect(await db.report.count({ where: { reporterId: reporter.id, targetUserId: target.id } })).toBe(1);
  });

  it("five different people at once are five reports", async () => {
    const author = await buildUser();
    const post = await buildPost(author, "PUBLIC");
    const reporters = await Promise.all(Array.from({ length: 5 }, () => buildUser()));
    await Promise.all(reporters.map((r) => reportItem(r, { postId: post.id, ...spam })));
    expect(await db.report.count({ where: { postId: post.id, status: "open" } })).toBe(5);
  });

  it("only what the reporter can see: a hidden item, a blocked pair's, a missing one all answer not_found", async () => {
    const [author, stranger, friend] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    await befriend(author, friend);
    const friendsOnly = await buildPost(author, "FRIENDS");
    const onlyMe = await buildPost(author, "ONLY_ME");
    await expectLikeMissing(reportItem(stranger, { postId: friendsOnly.id, ...spam }), reportItem(stranger, { postId: MISSING_ID, ...spam }));
    await expectLikeMissing(reportItem(friend, { postId: onlyMe.id, ...spam }), reportItem(friend, { postId: MISSING_ID, ...spam }));
    // The friend may report the friends-only item...
    await expect(reportItem(friend, { postId: friendsOnly.id, ...spam })).resolves.toMatchObject({ alreadyReported: false });
    // ...until a block hides it.
    const publicPost = await buildPost(author, "PUBLIC");
    await blockUser(author, { userId: stranger.id });
    await expectLikeMissing(reportItem(stranger, { postId: publicPost.id, ...spam }), reportItem(stranger, { postId: MISSING_ID, ...spam }));
    expect(await reportsBy(stranger)).toEqual([]);
  });

  it("not one's own item", async () => {
    const author = await buildUser();
    const post = await buildPost(author, "PUBLIC");
    const err = await errorOf(reportItem(author, { postId: post.id, ...spam }));
    expect({ code: err?.code, key: err?.messageKey }).toEqual({ code: "invalid", key: "reportOwnItem" });
  });

  it("once the report is resolved, the same person may report the item again", async () => {
    const [author, reporter, admin] = await Promise.all([buildUser(), buildUser(), makeAdmin()]);
    const post = await buildPost(author, "PUBLIC");
    const first = await reportItem(reporter, { postId: post.id, ...spam });
    await dismissReport(admin, { reportId: first.reportId });
    const second = await reportItem(reporter, { postId: post.id, ...spam });
    expect(second.alreadyReported).toBe(false);
    expect(second.reportId).not.toBe(first.reportId);
  });
});

describe("reporting a user", () => {
  it("files one open report; oneself is invalid, a missing user not_found", async () => {
    const [target, reporter] = await Promise.all([buildUser(), buildUser()]);
    const first = await reportUser(reporter, { userId: target.id, reason: "other", note: "impersonates me" });
    await Promise.all(Array.from({ length: 4 }, () => reportUser(reporter, { userId: target.id, ...spam })));
    expect(await reportsBy(reporter)).toMatchObject([{ id: first.reportId, postId: null, targetUserId: target.id, reason: "other", note: "impersonates me" }]);
    const self = await errorOf(reportUser(reporter, { userId: reporter.id, ...spam }));
    expect({ code: self?.code, key: self?.messageKey }).toEqual({ code: "invalid", key: "notYourself" });
    expect((await errorOf(reportUser(reporter, { userId: MISSING_ID, ...spam })))?.code).toBe("not_found");
  });

  it("an item report and a user report about the same person are separate", async () => {
    const [target, reporter] = await Promise.all([buildUser(), buildUser()]);
    const post = await buildPost(target, "PUBLIC");
    await reportItem(reporter, { postId: post.id, ...spam });
    const user = await reportUser(reporter, { userId: target.id, ...spam });
    expect(user.alreadyReported).toBe(false);
    expect(await reportsBy(reporter)).toHaveLength(2);
  });

  it("someone who blocked the reporter is hidden (not_found); someone the reporter blocked can still be reported", async () => {
    const [a, b] = await Promise.all([buildUser(), buildUser()]);
    await blockUser(a, { userId: b.id });
    await expectLikeMissing(reportUser(b, { userId: a.id, ...spam }), reportUser(b, { userId: MISSING_ID, ...spam }));
    await expect(reportUser(a, { userId: b.id, reason: "harassment", note: "" })).resolves.toMatchObject({ alreadyReported: false });
  });
});

describe("the report form's rules", () => {
  it("needs one of the six reasons; the note is optional, trimmed and at most 500 characters", () => {
    const issue = (raw: unknown) => {
      const r = reportItemSchema.safeParse(raw);
      return r.success ? null : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    };
    for (const reason of ["spam", "harassment", "hate", "violence", "sexual", "other"]) expect(issue({ postId: 1, reason })).toBeNull();
    expect(reportItemSchema.parse({ postId: "7", reason: "hate" })).toEqual({ postId: 7, reason: "hate", note: "" });
    expect(issue({ postId: 1 })).toEqual(["reason:reportReasonRequired"]);
    expect(issue({ postId: 1, reason: "boring" })).toEqual(["reason:reportReasonRequired"]);
    expect(issue({ postId: 1, reason: "spam", note: "字".repeat(REPORT_NOTE_MAX_CHARS) })).toBeNull();
    expect(issue({ postId: 1, reason: "spam", note: "字".repeat(REPORT_NOTE_MAX_CHARS + 1) })).toEqual(["note:reportNoteTooLong"]);
    // A forged status or reporter is refused outright.
    expect(reportItemSchema.safeParse({ postId: 1, reason: "spam", status: "dismissed" }).success).toBe(false);
    expect(reportUserSchema.safeParse({ userId: 1, reason: "spam", reporterId: 2 }).success).toBe(false);
  });
});

describe("reviewing reports", () => {
  let admin: SignedInViewer;
  beforeAll(async () => {
    admin = await makeAdmin();
  });

  it("non-admins (and signed-out visitors) get not_found for the list and every action, and nothing changes", async () => {
    const [author, reporter, other] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    const post = await buildPost(author, "PUBLIC");
    const { reportId } = await reportItem(reporter, { postId: post.id, ...spam });
    for (const viewer of [reporter, author, other]) {
      const list = await errorOf(listOpenReports(viewer));
      expect({ code: list?.code, key: list?.messageKey }).toEqual({ code: "not_found", key: "notFound" }); // the 404 of a missing page
      await expectLikeMissing(dismissReport(viewer, { reportId }), dismissReport(admin, { reportId: MISSING_ID }));
      await expectLikeMissing(removeReportedItem(viewer, { reportId }), removeReportedItem(admin, { reportId: MISSING_ID }));
    }
    expect((await errorOf(listOpenReports(null)))?.code).toBe("not_found");
    // A hand-made "grant" is not one: the normal delete path still refuses.
    const forged: AdminGrant = { adminId: other.id };
    expect((await errorOf(deletePost(other, { postId: post.id }, forged)))?.code).toBe("not_found");
    expect(await db.report.findUniqueOrThrow({ where: { id: reportId } })).toMatchObject({ status: "open", resolvedAt: null });
    expect(await db.post.count({ where: { id: post.id } })).toBe(1);
  });

  it("revoking the role takes effect at once", async () => {
    const temp = await makeAdmin();
    await expect(listOpenReports(temp)).resolves.toBeTruthy();
    await setRoleByHandle(temp.handle, "USER");
    expect((await errorOf(listOpenReports(temp)))?.code).toBe("not_found");
    expect((await errorOf(setRoleByHandle("nobody_here_x", "ADMIN")))?.code).toBe("not_found");
  });

  it("lists open reports newest first, with reporter, reason, note and the item whatever its audience", async () => {
    const [author, friend, reporter2, target] = await Promise.all([buildUser(), buildUser(), buildUser(), buildUser()]);
    await befriend(author, friend);
    const secret = await buildPost(author, "FRIENDS", "friends-only words");
    const itemReport = await reportItem(friend, { postId: secret.id, reason: "hate", note: "look at this" });
    const userReport = await reportUser(reporter2, { userId: target.id, reason: "spam", note: "" });
    // The admin is not the author's friend: the item is hidden on the normal paths...
    expect((await errorOf(getPost(admin, { postId: secret.id })))?.code).toBe("not_found");
    // ...and shown on the review page through the privacy module's admin read.
    const shown = await openReports(admin);
    const ids = shown.map((r) => Number(r.id));
    expect(ids).toEqual([...ids].sort((x, y) => y - x));
    const [u, i] = [shown.find((r) => Number(r.id) === userReport.reportId)!, shown.find((r) => Number(r.id) === itemReport.reportId)!];
    expect(ids.indexOf(userReport.reportId)).toBeLessThan(ids.indexOf(itemReport.reportId));
    expect(i).toMatchObject({
      reason: "hate",
      note: "look at this",
      reporter: { id: friend.id, handle: friend.handle },
      target: { type: "item", item: { id: String(secret.id), kind: "status", excerpt: "friends-only words", audience: "FRIENDS", href: `/u/${author.handle}/post/${secret.id}`, author: { handle: author.handle } } },
    });
    expect(u).toMatchObject({ reason: "spam", reporter: { id: reporter2.id }, target: { type: "user", user: { id: target.id, handle: target.handle } } });
  });

  it("dismiss: recorded with who and when, gone from the list, the item stays; repeating it changes nothing", async () => {
    const [author, reporter] = await Promise.all([buildUser(), buildUser()]);
    const post = await buildPost(author, "PUBLIC");
    const { reportId } = await reportItem(reporter, { postId: post.id, ...spam });
    await expect(dismissReport(admin, { reportId })).resolves.toEqual({ status: "dismissed" });
    const row = await db.report.findUniqueOrThrow({ where: { id: reportId } });
    expect(row).toMatchObject({ status: "dismissed", resolvedById: admin.id });
    expect(row.resolvedAt).toBeInstanceOf(Date);
    await expect(dismissReport(admin, { reportId })).resolves.toEqual({ status: "dismissed" });
    expect((await db.report.findUniqueOrThrow({ where: { id: reportId } })).resolvedAt).toEqual(row.resolvedAt);
    expect((await openReports(admin)).map((r) => Number(r.id))).not.toContain(reportId);
    expect(await errorOf(getPost(reporter, { postId: post.id }))).toBeNull();
  });

  it("remove item: deletes it with its media through the normal delete path and closes every open report on it", async () => {
    const [author, r1, r2] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    const item = await buildItem(author, "music", "PUBLIC");
    const first = await reportItem(r1, { postId: item.postId, reason: "violence", note: "" });
    const second = await reportItem(r2, { postId: item.postId, ...spam });
    const results = await Promise.all([removeReportedItem(admin, { reportId: first.reportId }), removeReportedItem(admin, { reportId: first.reportId })]);
    expect(results).toEqual([{ status: "actioned" }, { status: "actioned" }]);

    expect(await db.post.count({ where: { id: item.postId } })).toBe(0);
    expect(await db.media.count({ where: { id: { in: item.media.map((m) => m.id) } } })).toBe(0);
    for (const id of [first.reportId, second.reportId]) {
      expect(await db.report.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "actioned", resolvedById: admin.id });
    }
    expect((await openReports(admin)).map((r) => Number(r.id))).not.toContain(first.reportId);
    await expectLikeMissing(getPost(r1, { postId: item.postId }), getPost(r1, { postId: MISSING_ID }));
    // Already resolved: dismissing now answers with the status it has.
    await expect(dismissReport(admin, { reportId: second.reportId })).resolves.toEqual({ status: "actioned" });
  });

  it("remove item on a photo batch removes its photos and their files' rows too (the album stays)", async () => {
    const [author, reporter] = await Promise.all([buildUser(), buildUser()]);
    const item = await buildItem(author, "photos", "PUBLIC");
    const albumId = (await db.post.findUniqueOrThrow({ where: { id: item.postId } })).albumId!;
    const { reportId } = await reportItem(reporter, { postId: item.postId, ...spam });
    await removeReportedItem(admin, { reportId });
    expect(await db.post.count({ where: { id: item.postId } })).toBe(0);
    expect(await db.media.count({ where: { id: { in: item.media.map((m) => m.id) } } })).toBe(0);
    expect(await db.photo.count({ where: { albumId } })).toBe(0);
    expect(await db.album.count({ where: { id: albumId } })).toBe(1);
  });

  it("remove item is refused on a user report, and only closes the report when the item is already gone", async () => {
    const [author, reporter] = await Promise.all([buildUser(), buildUser()]);
    const user = await reportUser(reporter, { userId: author.id, ...spam });
    const err = await errorOf(removeReportedItem(admin, { reportId: user.reportId }));
    expect({ code: err?.code, key: err?.messageKey }).toEqual({ code: "invalid", key: "reportNotAnItem" });

    const post = await buildPost(author, "PUBLIC");
    const item = await reportItem(reporter, { postId: post.id, ...spam });
    await deletePost(author, { postId: post.id });
    const listed = (await openReports(admin)).find((r) => Number(r.id) === item.reportId);
    expect(listed?.target).toEqual({ type: "item", item: null });
    await expect(removeReportedItem(admin, { reportId: item.reportId })).resolves.toEqual({ status: "actioned" });
  });
});
