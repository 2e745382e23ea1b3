// @mentions: links for existing handles wherever the bodies are shown
// (status posts, comments, guestbook messages, blogs), HTML in bodies inert,
// and a notification once per person and item ONLY for people who may see
// the item (privacy module), never across a block.
import { describe, expect, it } from "vitest";
import type { Segment } from "@/lib/linkify";
import { mentionAtCaret, mentionedHandles } from "@/lib/mentions";
import { addCommentSchema } from "@/lib/validation/comment";
import { leaveMessageSchema } from "@/lib/validation/guestbook";
import { createPostSchema } from "@/lib/validation/post";
import { publishBlogSchema, updateBlogSchema } from "@/lib/validation/blog";
import { db } from "@/server/db";
import { getBlog } from "@/server/blog/get-blog";
import { publishBlog } from "@/server/blog/publish-blog";
import { updateBlog } from "@/server/blog/update-blog";
import { addComment } from "@/server/comments/add-comment";
import { listComments } from "@/server/comments/list-comments";
import { approveMessage } from "@/server/guestbook/approve-message";
import { leaveMessage } from "@/server/guestbook/leave-message";
import { listMessages } from "@/server/guestbook/list-messages";
import { setApproval } from "@/server/guestbook/set-approval";
import { createPost } from "@/server/posts/create-post";
import { getPost } from "@/server/posts/get-post";
import { befriend, buildPost, buildUser } from "@/test/factories";
import { listNotifications } from "./list-notifications";
import { unreadCount } from "./unread-count";

type Actor = Awaited<ReturnType<typeof buildUser>>;

const mentionsOf = (u: Actor) => db.notification.findMany({ where: { userId: u.id, type: "mention" }, orderBy: { id: "asc" } });
const post = (who: Actor, body: string, audience = "FRIENDS") => createPost(who, createPostSchema.parse({ body, audience }));
const mentionSegments = (segments: Segment[]) => segments.filter((s) => s.kind === "mention");

describe("parsing", () => {
  it("finds @handles (lower-cased, distinct), not e-mail addresses, and the one being typed", () => {
    expect(mentionedHandles("hi @Bob_1 and @bob_1, mail a@bob.cn, 你好@li_lei! @ab @" + "x".repeat(21))).toEqual(["bob_1", "li_lei"]);
    expect(mentionAtCaret("hello @ja", 9)).toEqual({ start: 6, query: "ja" });
    expect(mentionAtCaret("hello @", 7)).toEqual({ start: 6, query: "" });
    expect(mentionAtCaret("mail a@b", 8)).toBeNull();
    expect(mentionAtCaret("@ja more", 8)).toBeNull();
  });
});

describe("mentions in status posts", () => {
  it("links existing handles, and notifies only the mentioned who may see the post, once", async () => {
    const [me, friend, stranger] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    await befriend(me, friend);
    const body = `hi @${friend.handle} @${stranger.handle} @${me.handle} @nobody_${friend.id}x <img src=x onerror=alert(1)>`;
    const created = await post(me, body);
    // Links for every existing handle (handles are public); the missing one and the HTML stay text.
    expect(mentionSegments(created.segments).map((s) => s.kind === "mention" && s.handle)).toEqual([friend.handle, stranger.handle, me.handle]);
    expect(created.segments.map((s) => s.text).join("")).toBe(body);
    expect(created.segments.find((s) => s.kind === "text" && s.text.includes("<img"))).toBeTruthy();

    expect((await mentionsOf(friend)).map((n) => [n.actorId, n.postId, n.dedupeKey])).toEqual([[me.id, Number(created.id), `mention:post:${created.id}`]]);
    expect(await mentionsOf(stranger)).toEqual([]); // FRIENDS post: a stranger cannot see it
    expect(await mentionsOf(me)).toEqual([]);

    const [row] = (await listNotifications(friend, {})).items;
    expect(row).toMatchObject({ type: "mention", href: `/u/${me.handle}/post/${created.id}`, actors: [{ id: me.id }] });
    // The post page shows the links too.
    const page = await getPost(friend, { postId: Number(created.id), handle: me.handle });
    expect(mentionSegments(page.segments)).toHaveLength(3);
  });

  it("a mention of someone in a blocked pair with the author notifies nobody", async () => {
    const [me, them] = await Promise.all([buildUser(), buildUser()]);
    await db.block.create({ data: { blockerId: them.id, blockedId: me.id } });
    await post(me, `hey @${them.handle}`, "PUBLIC");
    expect(await mentionsOf(them)).toEqual([]);
  });
});

describe("mentions in comments", () => {
  it("notifies a mentioned person who may see the item, not one who may not, and not the owner twice", async () => {
    const [owner, commenter, ownersFriend, outsider] = await Promise.all([buildUser(), buildUser(), buildUser(), buildUser()]);
    await befriend(owner, commenter);
    await befriend(owner, ownersFriend);
    await befriend(commenter, outsider); // a friend of the commenter, not of the owner
    const item = await buildPost(owner, "FRIENDS");
    const { comment } = await addComment(
      commenter,
      addCommentSchema.parse({ postId: item.id, body: `@${ownersFriend.handle} @${outsider.handle} @${owner.handle} look` }),
    );
    expect(mentionSegments(comment.segments)).toHaveLength(3);
    expect((await mentionsOf(ownersFriend)).map((n) => [n.postId, n.commentId, n.dedupeKey])).toEqual([[item.id, Number(comment.id), `mention:comment:${comment.id}`]]);
    expect(await mentionsOf(outsider)).toEqual([]);
    // The owner hears "commented" once, not also "mentioned".
    expect((await db.notification.findMany({ where: { userId: owner.id } })).map((n) => n.type)).toEqual(["comment"]);
    expect((await listNotifications(ownersFriend, {})).items[0]!.href).toBe(`/u/${owner.handle}/post/${item.id}#comment-${comment.id}`);
    // Listed comments carry the links.
    const listed = await listComments(ownersFriend, { postId: item.id });
    expect(mentionSegments(listed.items[0]!.segments)).toHaveLength(3);
  });
});

describe("mentions in guestbook messages", () => {
  it("a private message tells nobody but the owner; a public one tells the mentioned; a pending one waits for approval", async () => {
    const [owner, writer, third] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    const leave = (body: string, extra: object = {}) => leaveMessage(writer, leaveMessageSchema.parse({ handle: owner.handle, body, ...extra }));
    await leave(`@${third.handle} secret`, { private: true });
    expect(await mentionsOf(third)).toEqual([]);

    const open = await leave(`@${third.handle} hello`);
    expect(mentionSegments(open.segments)).toHaveLength(1);
    expect((await mentionsOf(third)).map((n) => n.guestbookEntryId)).toEqual([Number(open.id)]);
    expect((await listNotifications(third, {})).items[0]!.href).toBe(`/u/${owner.handle}/guestbook#message-${open.id}`);

    await setApproval(owner, { enabled: true });
    const pending = await leave(`@${third.handle} later`);
    expect(await mentionsOf(third)).toHaveLength(1);
    await approveMessage(owner, { entryId: Number(pending.id) });
    await approveMessage(owner, { entryId: Number(pending.id) }).catch(() => undefined);
    expect((await mentionsOf(third)).map((n) => n.guestbookEntryId)).toEqual([Number(open.id), Number(pending.id)]);
    const listed = await listMessages(third, { handle: owner.handle });
    expect(listed.items.every((e) => mentionSegments(e.segments).length === 1)).toBe(true);
  });
});

describe("mentions in blogs", () => {
  it("links mentions in the sanitised HTML (not in code or inside links), notifies once across edits, and keeps HTML inert", async () => {
    const [me, friend, other] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    await befriend(me, friend);
    const source = [
      `Hello @${friend.handle} and @nobody_zz_${me.id}`,
      "",
      `\`@${other.handle}\` in code, [@${other.handle}](https://example.com) in a link`,
      "",
      `<script>alert(1)</script><a href="javascript:alert(1)">@${friend.handle}</a> <img src=x onerror="alert(1)">`,
    ].join("\n");
    const published = await publishBlog(me, publishBlogSchema.parse({ title: "Hi", source, audience: "FRIENDS" }));
    const blog = await getBlog(friend, { postId: Number(published.id), handle: me.handle });
    const html = blog.html;
    expect(html).toContain(`<a href="/u/${friend.handle}" class="mention">@${friend.handle}</a>`);
    expect(html.match(/class="mention"/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script|javascript:|onerror/i);
    expect(html).not.toMatch(/<a[^>]*>[^<]*<a/); // no link inside a link
    expect(html).toContain(`<code>@${other.handle}</code>`);
    expect((await mentionsOf(friend)).map((n) => n.postId)).toEqual([Number(published.id)]);
    expect(await mentionsOf(other)).toEqual([]); // only mentioned in code and link text

    await updateBlog(me, updateBlogSchema.parse({ postId: published.id, title: "Hi again", source: `${source}\n\nstill @${friend.handle}`, audience: "FRIENDS" }));
    expect(await mentionsOf(friend)).toHaveLength(1);
    expect(await unreadCount(friend)).toBe(1);
  });
});
