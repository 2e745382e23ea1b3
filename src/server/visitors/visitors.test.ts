// Visitors on the real database: one row per visitor per owner per
// Asia/Shanghai day, the owner and footprint-hiders never recorded, only the
// owner lists (and not while hiding their own footprints), totals, paging,
// and the retention prune. Clocks are injected, so no test waits.
import { describe, expect, it } from "vitest";
import type { SignedInViewer } from "@/server/auth/viewer";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { buildUser } from "@/test/factories";
import { footprintsSchema, moreVisitorsSchema } from "@/lib/validation/visitors";
import { listVisitors, type VisitorsList } from "./list-visitors";
import { pruneVisits } from "./prune-visits";
import { recordVisit } from "./record-visit";
import { getFootprints, setFootprints } from "./set-footprints";
import { oldestKeptDay, visitDay } from "./visit-day";

const at = (iso: string) => new Date(iso);
const rowsOf = (ownerId: number) => db.visit.findMany({ where: { ownerId }, orderBy: [{ day: "asc" }, { visitorId: "asc" }] });
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

function visible(list: VisitorsList) {
  if (list.state !== "visible") throw new Error(`expected a visible list, got ${list.state}`);
  return list;
}

async function expectNotFound(p: Promise<unknown>) {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe("not_found");
}

describe("recordVisit", () => {
  it("keeps one row per visitor per day however many visits, moving last_at", async () => {
    const [owner, b] = await Promise.all([buildUser(), buildUser()]);
    expect(await recordVisit(b, owner.id, at("2024-06-01T02:00:00Z"))).toBe(true);
    expect(await recordVisit(b, owner.id, at("2024-06-01T03:00:00Z"))).toBe(true);
    expect(await recordVisit(b, owner.id, at("2024-06-01T09:15:00Z"))).toBe(true);
    const rows = await rowsOf(owner.id);
    expect(rows).toHaveLength(1);
    expect(dayOf(rows[0]!.day)).toBe("2024-06-01");
    expect(rows[0]!.visitorId).toBe(b.id);
    expect(rows[0]!.lastAt.toISOString()).toBe("2024-06-01T09:15:00.000Z");
  });

  it("skips the write for a repeat visit within a minute, and never moves last_at backwards", async () => {
    const [owner, b] = await Promise.all([buildUser(), buildUser()]);
    expect(await recordVisit(b, owner.id, at("2024-06-01T02:00:00Z"))).toBe(true);
    expect(await recordVisit(b, owner.id, at("2024-06-01T02:00:30Z"))).toBe(false);
    expect((await rowsOf(owner.id))[0]!.lastAt.toISOString()).toBe("2024-06-01T02:00:00.000Z");
    // An older clock (another process's late write) leaves the later time in place.
    expect(await recordVisit(b, owner.id, at("2024-06-01T01:00:00Z"))).toBe(true);
    expect((await rowsOf(owner.id))[0]!.lastAt.toISOString()).toBe("2024-06-01T02:00:00.000Z");
  });

  it("splits days at midnight in Asia/Shanghai, not UTC", async () => {
    const [owner, b, c] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    // 15:30 UTC = 23:30 in Shanghai on June 1; 16:30 UTC = 00:30 on June 2 (same UTC day).
    await recordVisit(b, owner.id, at("2024-06-01T15:30:00Z"));
    await recordVisit(b, owner.id, at("2024-06-01T16:30:00Z"));
    // 00:30 and 15:29 UTC are both June 1 in Shanghai (08:30, 23:29).
    await recordVisit(c, owner.id, at("2024-06-01T00:30:00Z"));
    await recordVisit(c, owner.id, at("2024-06-01T15:29:00Z"));
    const rows = await rowsOf(owner.id);
    expect(rows.filter((r) => r.visitorId === b.id).map((r) => dayOf(r.day))).toEqual(["2024-06-01", "2024-06-02"]);
    expect(rows.filter((r) => r.visitorId === c.id).map((r) => dayOf(r.day))).toEqual(["2024-06-01"]);
    expect(visitDay(at("2024-06-01T15:59:59Z"))).toBe("2024-06-01");
    expect(visitDay(at("2024-06-01T16:00:00Z"))).toBe("2024-06-02");
  });

  it("does not record the owner's own visits, or anonymous ones", async () => {
    const owner = await buildUser();
    expect(await recordVisit(owner, owner.id, at("2024-06-01T02:00:00Z"))).toBe(false);
    expect(await recordVisit(null, owner.id, at("2024-06-01T02:00:00Z"))).toBe(false);
    expect(await rowsOf(owner.id)).toHaveLength(0);
  });

  it("never records a visitor who hides their footprints, and records again once they stop", async () => {
    const [owner, c] = await Promise.all([buildUser(), buildUser()]);
    await setFootprints(c, { hide: true });
    expect(await getFootprints(c)).toEqual({ hide: true });
    expect(await recordVisit(c, owner.id, at("2024-06-01T02:00:00Z"))).toBe(false);
    expect(await recordVisit(c, owner.id, at("2024-06-01T05:00:00Z"))).toBe(false);
    expect(await rowsOf(owner.id)).toHaveLength(0);
    // Turned off a few seconds later: the skipped visit must not be remembered as recorded.
    await setFootprints(c, { hide: false });
    expect(await recordVisit(c, owner.id, at("2024-06-01T05:00:05Z"))).toBe(true);
    expect(await rowsOf(owner.id)).toHaveLength(1);
  });
});

describe("listVisitors", () => {
  const now = at("2024-06-02T04:00:00Z"); // June 2, 12:00 in Shanghai

  it("shows the owner each visitor once, most recent first, with totals within the retention period", async () => {
    const [owner, b, c, d, old] = await Promise.all([buildUser(), buildUser(), buildUser(), buildUser(), buildUser()]);
    await recordVisit(b, owner.id, at("2024-05-20T02:00:00Z"));
    await recordVisit(b, owner.id, at("2024-06-02T01:00:00Z")); // today, latest of b
    await recordVisit(c, owner.id, at("2024-06-02T03:00:00Z")); // today
    await recordVisit(d, owner.id, at("2024-06-01T10:00:00Z")); // yesterday
    await db.visit.create({ data: { ownerId: owner.id, visitorId: old.id, day: at("2024-02-01"), lastAt: at("2024-02-01T02:00:00Z") } });
    const list = visible(await listVisitors(owner, { ownerId: owner.id }, now));
    expect(list.visitors.map((v) => v.id)).toEqual([c.id, b.id, d.id]);
    expect(list.visitors[1]).toMatchObject({ handle: b.handle, displayName: b.displayName, avatarUrl: null, lastAt: "2024-06-02T01:00:00.000Z" });
    expect(list).toMatchObject({ total: 3, today: 2, retentionDays: 90, nextCursor: null });
  });

  it("is the owner's alone: anyone else's id answers like a missing list", async () => {
    const [owner, b] = await Promise.all([buildUser(), buildUser()]);
    await recordVisit(b, owner.id, at("2024-06-02T01:00:00Z"));
    await expectNotFound(listVisitors(b, { ownerId: owner.id }, now));
    await expectNotFound(listVisitors(null, { ownerId: owner.id }, now));
    await expectNotFound(listVisitors(b, { ownerId: 2 ** 31 - 1 }, now));
    expect(visible(await listVisitors(b, { ownerId: b.id }, now)).visitors).toEqual([]);
  });

  it("gives an owner who hides their footprints no list (consent both ways), and a normal owner theirs", async () => {
    const [hider, normal, v] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    await recordVisit(v, hider.id, at("2024-06-02T01:00:00Z"));
    await recordVisit(v, normal.id, at("2024-06-02T01:00:00Z"));
    await setFootprints(hider, { hide: true });
    expect(await listVisitors(hider, { ownerId: hider.id }, now)).toEqual({ state: "hidden" });
    expect(visible(await listVisitors(normal, { ownerId: normal.id }, now)).visitors.map((x) => x.id)).toEqual([v.id]);
    await setFootprints(hider, { hide: false });
    expect(visible(await listVisitors(hider, { ownerId: hider.id }, now)).visitors.map((x) => x.id)).toEqual([v.id]);
  });

  it("leaves out a past visitor who has since hidden their footprints", async () => {
    const [owner, b, c] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    await recordVisit(b, owner.id, at("2024-06-02T01:00:00Z"));
    await recordVisit(c, owner.id, at("2024-06-02T02:00:00Z"));
    await setFootprints(c, { hide: true });
    const list = visible(await listVisitors(owner, { ownerId: owner.id }, now));
    expect(list.visitors.map((x) => x.id)).toEqual([b.id]);
    expect(list.total).toBe(1);
  });

  it("pages with a cursor: 20 then the rest, no visitor twice", async () => {
    const owner = await buildUser();
    const visitors: SignedInViewer[] = [];
    for (let i = 0; i < 23; i++) visitors.push(await buildUser());
    // Visitor i came at 00:00 + i minutes (Shanghai 08:00 + i).
    for (const [i, v] of visitors.entries()) await recordVisit(v, owner.id, new Date(Date.parse("2024-06-02T00:00:00Z") + i * 60_000));
    const first = visible(await listVisitors(owner, { ownerId: owner.id }, now));
    expect(first.visitors).toHaveLength(20);
    expect(first.total).toBe(23);
    expect(first.nextCursor).toBeTruthy();
    expect(moreVisitorsSchema.safeParse({ before: first.nextCursor }).success).toBe(true);
    const second = visible(await listVisitors(owner, { ownerId: owner.id, before: first.nextCursor! }, now));
    expect(second.nextCursor).toBeNull();
    const ids = [...first.visitors, ...second.visitors].map((v) => v.id);
    expect(ids).toEqual(visitors.map((v) => v.id).reverse());
  });
});

describe("pruneVisits", () => {
  it("removes visits older than the retention period and keeps newer ones", async () => {
    const [owner, b] = await Promise.all([buildUser(), buildUser()]);
    const now = new Date();
    const kept = oldestKeptDay(now, 90);
    const dayBefore = new Date(`${kept}T00:00:00Z`);
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
    const days = [dayBefore, new Date(`${kept}T00:00:00Z`), new Date(`${visitDay(now)}T00:00:00Z`)];
    await db.visit.createMany({ data: days.map((day) => ({ ownerId: owner.id, visitorId: b.id, day })) });
    expect(await pruneVisits({ now, retentionDays: 90 })).toBeGreaterThanOrEqual(1);
    expect((await rowsOf(owner.id)).map((r) => dayOf(r.day))).toEqual([kept, visitDay(now)]);
  });

  it("counts the retention in Shanghai days", () => {
    // 16:30 UTC on June 1 is already June 2 in Shanghai.
    expect(oldestKeptDay(at("2024-06-01T16:30:00Z"), 90)).toBe("2024-03-04");
    expect(oldestKeptDay(at("2024-06-01T15:30:00Z"), 90)).toBe("2024-03-03");
  });
});

describe("schemas", () => {
  it("refuse anything but a boolean switch and a well-formed cursor", () => {
    expect(footprintsSchema.safeParse({ hide: true }).success).toBe(true);
    expect(footprintsSchema.safeParse({ hide: "yes" }).success).toBe(false);
    expect(footprintsSchema.safeParse({ hide: true, userId: 1 }).success).toBe(false);
    expect(moreVisitorsSchema.safeParse({ before: "2024-06-02T01:00:00.000Z_12" }).success).toBe(true);
    expect(moreVisitorsSchema.safeParse({ before: "x'; DROP TABLE visits" }).success).toBe(false);
    expect(moreVisitorsSchema.safeParse({ before: "2024-06-02T01:00:00.000Z_12", ownerId: 3 }).success).toBe(false);
  });
});
