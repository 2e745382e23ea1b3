// The guestbook: who sees which message (grid: kind of message x viewer,
// through the pure rule, the list and the count), the approval flow,
// replies, who may delete, bad input and double submission, and what a
// blocked pair see of each other on a third user's guestbook.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GUESTBOOK_MAX_CHARS, leaveMessageSchema, replyMessageSchema } from "@/lib/validation/guestbook";
import type { SignedInViewer } from "@/server/auth/viewer";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { canSeeGuestbookEntry } from "@/server/privacy";
import { buildUser } from "@/test/factories";
import { blockForTest } from "@/test/social-factories";
import { approveMessage } from "./approve-message";
import { deleteMessage } from "./delete-message";
import { leaveMessage } from "./leave-message";
import { guestbookSummary, listMessages } from "./list-messages";
import { replyMessage } from "./reply-message";
import { setApproval } from "./set-approval";

const leave = (viewer: SignedInViewer, raw: Record<string, unknown>) => leaveMessage(viewer, leaveMessageSchema.parse(raw));
const reply = (viewer: SignedInViewer, entryId: string | number, text: string) => replyMessage(viewer, replyMessageSchema.parse({ entryId, reply: text }));
const ref = (id: string | number) => ({ entryId: Number(id) });

async function expectNotFound(work: Promise<unknown>) {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe("not_found");
}

/** What `viewer` is shown on `owner`'s guestbook: the ids in the list (all pages) and the count. */
async function shown(viewer: SignedInViewer | null, owner: SignedInViewer) {
  const ids: string[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await listMessages(viewer, { handle: owner.handle, before, limit: 2 });
    ids.push(...page.items.map((m) => m.id));
    if (!page.nextCursor) break;
    before = Number(page.nextCursor);
  }
  const summary = await guestbookSummary(viewer, { handle: owner.handle });
  return { ids, total: summary.total, pending: summary.pending };
}

const issuesOf = (schema: { safeParse: (raw: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, raw: unknown) => {
  const result = schema.safeParse(raw);
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("guestbook visibility grid", () => {
  it("each kind of message x each viewer: visible or not, in the rule, the list and the count", async () => {
    const [owner, writer, other] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    const make = (data: { private?: boolean; approved?: boolean }) => db.guestbookEntry.create({ data: { ownerId: owner.id, authorId: writer.id, body: `m ${randomUUID()}`, ...data } });
    const kinds = {
      public: await make({}),
      private: await make({ private: true }),
      pending: await make({ approved: false }),
      privatePending: await make({ private: true, approved: false }),
    };
    const viewers = { owner, writer, other, anonymous: null } as const;
    // The spec, as a table: kind -> the viewers who see it.
    const expected: Record<keyof typeof kinds, (keyof typeof viewers)[]> = {
      public: ["owner", "writer", "other", "anonymous"],
      private: ["owner", "writer"],
      pending: ["owner", "writer"],
      privatePending: ["owner", "writer"],
    };

    for (const [viewerName, viewer] of Object.entries(viewers) as [keyof typeof viewers, SignedInViewer | null][]) {
      const { ids, total } = await shown(viewer, owner);
      const want = (Object.keys(kinds) as (keyof typeof kinds)[]).filter((k) => expected[k].includes(viewerName));
      const label = `${viewerName} sees ${want.join(", ") || "nothing"}`;
      // Newest first.
      expect(ids, label).toEqual(want.map((k) => String(kinds[k].id)).reverse());
      expect(total, `${label} (count)`).toBe(want.length);
      for (const [kind, row] of Object.entries(kinds) as [keyof typeof kinds, (typeof kinds)["public"]][]) {
        expect(canSeeGuestbookEntry(viewer?.id, row), `rule: ${viewerName} x ${kind}`).toBe(expected[kind].includes(viewerName));
      }
    }
  });

  it("counts and lists only the viewer's own hidden messages, never others'", async () => {
    const [owner, b, c] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    const bPrivate = await leave(b, { handle: owner.handle, body: "b private", private: true });
    await setApproval(owner, { enabled: true });
    const cPending = await leave(c, { handle: owner.handle, body: "c pending" });
    expect(await shown(b, owner)).toEqual({ ids: [bPrivate.id], total: 1, pending: 0 });
    expect(await shown(c, owner)).toEqual({ ids: [cPending.id], total: 1, pending: 1 });
    expect(await shown(null, owner)).toEqual({ ids: [], total: 0, pending: 0 });
    expect(await shown(owner, owner)).toEqual({ ids: [cPending.id, bPrivate.id], total: 2, pending: 1 });
  });

  it("the presented message says what the viewer may do", async () => {
    const [owner, writer, other] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    await setApproval(owner, { enabled: true });
    const m = await leave(writer, { handle: owner.handle, body: "hello", private: false });
    expect(m).toMatchObject({ pending: true, private: false, canDelete: true, canReply: false, canApprove: false });
    const [asOwner] = (await listMessages(owner, { handle: owner.handle })).items;
    expect(asOwner).toMatchObject({ id: m.id, pending: true, canDelete: true, canReply: true, canApprove: true });
    await approveMessage(owner, ref(m.id));
    const [asOther] = (await listMessages(other, { handle: owner.handle })).items;
    expect(asOther).toMatchObject({ id: m.id, pending: false, canDelete: false, canReply: false, canApprove: false });
  });

  it("pages newest first by id without repeats", async () => {
    const [owner, writer] = await Promise.all([buildUser(), buildUser()]);
    await db.guestbookEntry.createMany({ data: Array.from({ length: 25 }, (_, i) => ({ ownerId: owner.id, authorId: writer.id, body: `n${i}` })) });
    const first = await listMessages(null, { handle: owner.handle });
    expect(first.items).toHaveLength(20);
    expect(first.items[0]!.body).toBe("n24");
    const second = await listMessages(null, { handle: owner.handle, before: Number(first.nextCursor) });
    expect(second.items.map((m) => m.body)).toEqual(["n4", "n3", "n2", "n1", "n0"]);
    expect(second.nextCursor).toBeNull();
  });

  it("an unknown space has no guestbook", async () => {
    const me = await buildUser();
    await expectNotFound(listMessages(null, { handle: `nobody_${randomUUID().slice(0, 8)}` }));
    await expectNotFound(leave(me, { handle: `nobody_${randomUUID().slice(0, 8)}`, body: "hi" }));
  });
});

describe("a blocked pair on a third user's guestbook", () => {
  for (const direction of ["viewer blocks", "blocked by"] as const) {
    it(`${direction}: neither sees the other's messages, in the list or the counts; everyone else sees them all`, async () => {
      const [owner, d, x, v] = await Promise.all([buildUser(), buildUser(), buildUser(), buildUser()]);
      const fromD = await leave(d, { handle: owner.handle, body: "from D" });
      const fromX = await leave(x, { handle: owner.handle, body: "from X" });
      const fromV = await leave(v, { handle: owner.handle, body: "from V" });
      await setApproval(owner, { enabled: true });
      const xWaiting = await leave(x, { handle: owner.handle, body: "X waits" });
      if (direction === "viewer blocks") await blockForTest(v, x);
      else await blockForTest(x, v);

      expect(await shown(v, owner)).toEqual({ ids: [fromV.id, fromD.id], total: 2, pending: 0 });
      expect(await shown(x, owner)).toEqual({ ids: [xWaiting.id, fromX.id, fromD.id], total: 3, pending: 1 });
      const everyone = [fromV.id, fromX.id, fromD.id];
      expect(await shown(d, owner)).toEqual({ ids: everyone, total: 3, pending: 0 });
      expect(await shown(null, owner)).toEqual({ ids: everyone, total: 3, pending: 0 });
      // The owner, outside the pair, still sees everything on their guestbook.
      expect(await shown(owner, owner)).toEqual({ ids: [xWaiting.id, ...everyone], total: 4, pending: 1 });
    });
  }

  it("the owner in a blocked pair no longer sees the other's messages on their own guestbook", async () => {
    const [owner, x, d] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    await setApproval(owner, { enabled: true });
    const fromD = await leave(d, { handle: owner.handle, body: "from D" });
    await leave(x, { handle: owner.handle, body: "X waits" });
    await blockForTest(owner, x);
    expect(await shown(owner, owner)).toEqual({ ids: [fromD.id], total: 1, pending: 1 });
    // Others' view is unchanged by the owner's block.
    expect((await shown(d, owner)).ids).toEqual([fromD.id]);
  });
});

describe("approval", () => {
  it("pending messages reach others only once the owner approves", async () => {
    const [owner, b, c] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    expect(await setApproval(owner, { enabled: true })).toEqual({ enabled: true });
    expect((await guestbookSummary(b, { handle: owner.handle })).approvalRequired).toBe(true);
    const m = await leave(c, { handle: owner.handle, body: "from C" });
    expect(m.pending).toBe(true);
    expect((await shown(b, owner)).ids).toEqual([]);
    expect((await shown(c, owner)).ids).toEqual([m.id]);

    // Nobody but the owner approves: the writer and others are told "not found", nothing changes.
    await expectNotFound(approveMessage(c, ref(m.id)));
    await expectNotFound(approveMessage(b, ref(m.id)));
    expect((await db.guestbookEntry.findUniqueOrThrow({ where: { id: Number(m.id) } })).approved).toBe(false);

    const approved = await approveMessage(owner, ref(m.id));
    expect(approved).toMatchObject({ pending: false, canApprove: false });
    expect((await shown(b, owner)).ids).toEqual([m.id]);
    expect((await shown(null, owner)).ids).toEqual([m.id]);
  });

  it("the owner's own messages never wait; turning approval off leaves waiting ones waiting", async () => {
    const [owner, b] = await Promise.all([buildUser(), buildUser()]);
    await setApproval(owner, { enabled: true });
    const mine = await leave(owner, { handle: owner.handle, body: "welcome!", private: true });
    // Private on one's own guestbook would hide it from everyone but oneself: stored as public.
    expect(mine).toMatchObject({ pending: false, private: false });
    const waiting = await leave(b, { handle: owner.handle, body: "hi" });
    await setApproval(owner, { enabled: false });
    expect((await db.user.findUniqueOrThrow({ where: { id: owner.id } })).guestbookApproval).toBe(false);
    expect((await shown(null, owner)).ids).toEqual([mine.id]);
    const later = await leave(b, { handle: owner.handle, body: "again" });
    expect(later.pending).toBe(false);
    expect((await shown(null, owner)).ids).toEqual([later.id, mine.id]);
    expect((await shown(owner, owner)).ids).toEqual([later.id, waiting.id, mine.id]);
  });

  it("a private message stays private after approval", async () => {
    const [owner, b, c] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    await setApproval(owner, { enabled: true });
    const m = await leave(b, { handle: owner.handle, body: "secret", private: true });
    await approveMessage(owner, ref(m.id));
    expect((await shown(c, owner)).ids).toEqual([]);
    expect((await shown(b, owner)).ids).toEqual([m.id]);
  });
});

describe("replies", () => {
  it("the owner replies once per message and can edit the reply; everyone who sees the message sees it", async () => {
    const [owner, b, c] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    const m = await leave(b, { handle: owner.handle, body: "hello A" });
    const first = await reply(owner, m.id, "  thanks B  ");
    expect(first.reply).toMatchObject({ body: "thanks B" });
    const edited = await reply(owner, m.id, "thanks, see https://example.com/x");
    expect(edited.reply!.body).toBe("thanks, see https://example.com/x");
    expect(edited.reply!.segments).toContainEqual({ kind: "link", text: "https://example.com/x", href: "https://example.com/x" });
    const [asC] = (await listMessages(c, { handle: owner.handle })).items;
    expect(asC!.reply!.body).toBe("thanks, see https://example.com/x");
    expect(await db.guestbookEntry.count({ where: { id: Number(m.id) } })).toBe(1);
  });

  it("nobody but the owner replies: the writer, a third user and another space's owner get not_found", async () => {
    const [owner, b, c, d] = await Promise.all([buildUser(), buildUser(), buildUser(), buildUser()]);
    const open = await leave(b, { handle: owner.handle, body: "public" });
    const secret = await leave(b, { handle: owner.handle, body: "private", private: true });
    for (const [actor, id] of [
      [b, open.id],
      [c, open.id],
      [c, secret.id],
      [d, open.id],
    ] as const) {
      await expectNotFound(reply(actor, id, "forged"));
    }
    await expectNotFound(reply(owner, 2147483647, "missing"));
    const rows = await db.guestbookEntry.findMany({ where: { ownerId: owner.id } });
    expect(rows.every((r) => r.reply === null && r.repliedAt === null)).toBe(true);
  });
});

describe("deleting", () => {
  it("the owner deletes any message, the writer their own", async () => {
    const [owner, b] = await Promise.all([buildUser(), buildUser()]);
    const one = await leave(b, { handle: owner.handle, body: "one" });
    const two = await leave(b, { handle: owner.handle, body: "two", private: true });
    await deleteMessage(owner, ref(one.id));
    await deleteMessage(b, ref(two.id));
    expect(await db.guestbookEntry.count({ where: { ownerId: owner.id } })).toBe(0);
  });

  it("anyone else's delete answers like a missing message and changes nothing", async () => {
    const [owner, b, c, d] = await Promise.all([buildUser(), buildUser(), buildUser(), buildUser()]);
    await setApproval(owner, { enabled: true });
    const open = await leave(b, { handle: owner.handle, body: "public" });
    await approveMessage(owner, ref(open.id));
    const secret = await leave(b, { handle: owner.handle, body: "private", private: true });
    const waiting = await leave(c, { handle: owner.handle, body: "pending" });
    // c: a visible message of someone else's, a hidden one; b: c's pending one; d: owner of another space.
    for (const [actor, id] of [
      [c, open.id],
      [c, secret.id],
      [b, waiting.id],
      [d, open.id],
    ] as const) {
      await expectNotFound(deleteMessage(actor, ref(id)));
    }
    await expectNotFound(deleteMessage(owner, ref(2147483647)));
    expect(await db.guestbookEntry.count({ where: { ownerId: owner.id } })).toBe(3);
    // The owner of this guestbook cannot reach messages on someone else's.
    const elsewhere = await leave(b, { handle: d.handle, body: "on d's" });
    await expectNotFound(deleteMessage(owner, ref(elsewhere.id)));
    await expectNotFound(approveMessage(owner, ref(elsewhere.id)));
    await expectNotFound(reply(owner, elsewhere.id, "forged"));
    expect(await db.guestbookEntry.findUniqueOrThrow({ where: { id: Number(elsewhere.id) } })).toMatchObject({ body: "on d's", reply: null });
  });
});

describe("input", () => {
  it("refuses empty, blank and too long messages with their own messages", async () => {
    const handle = "someone";
    expect(issuesOf(leaveMessageSchema, { handle, body: "" })).toEqual([{ path: "body", message: "guestbookEmpty" }]);
    expect(issuesOf(leaveMessageSchema, { handle, body: " \n\t\u200b " })).toEqual([{ path: "body", message: "guestbookEmpty" }]);
    expect(issuesOf(leaveMessageSchema, { handle, body: "字".repeat(GUESTBOOK_MAX_CHARS + 1) })).toEqual([{ path: "body", message: "guestbookTooLong" }]);
    expect(leaveMessageSchema.parse({ handle, body: "字".repeat(GUESTBOOK_MAX_CHARS) }).body).toHaveLength(GUESTBOOK_MAX_CHARS);
    expect(issuesOf(replyMessageSchema, { entryId: 1, reply: "  " })).toEqual([{ path: "reply", message: "guestbookReplyEmpty" }]);
    expect(issuesOf(replyMessageSchema, { entryId: 1, reply: "x".repeat(GUESTBOOK_MAX_CHARS + 1) })).toEqual([{ path: "reply", message: "guestbookTooLong" }]);
    // Forged extra fields are refused, not half-trusted.
    expect(issuesOf(leaveMessageSchema, { handle, body: "hi", approved: true })[0]!.message).toMatch(/unrecognized/i);
  });

  it("stores HTML as text and presents it as text segments only", async () => {
    const [owner, b] = await Promise.all([buildUser(), buildUser()]);
    const html = `<img src=x onerror="alert(1)"><script>alert(2)</script>`;
    const m = await leave(b, { handle: owner.handle, body: html });
    expect(m.body).toBe(html);
    expect(m.segments).toEqual([{ kind: "text", text: html }]);
    expect((await db.guestbookEntry.findUniqueOrThrow({ where: { id: Number(m.id) } })).body).toBe(html);
  });

  it("the same clientKey twice (and five times at once) makes one message", async () => {
    const [owner, b] = await Promise.all([buildUser(), buildUser()]);
    const clientKey = randomUUID();
    const first = await leave(b, { handle: owner.handle, body: "first", clientKey });
    const second = await leave(b, { handle: owner.handle, body: "retry", clientKey });
    expect(second.id).toBe(first.id);
    expect(second.body).toBe("first");
    const burstKey = randomUUID();
    const burst = await Promise.all(Array.from({ length: 5 }, (_, i) => leave(b, { handle: owner.handle, body: `tap ${i}`, clientKey: burstKey })));
    expect(new Set(burst.map((m) => m.id)).size).toBe(1);
    expect(await db.guestbookEntry.count({ where: { ownerId: owner.id } })).toBe(2);
  });
});
