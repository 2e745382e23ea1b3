// Blogs end to end on the real database: the sanitiser's allowlist, drafts
// that only their author can touch, publishing (one transaction, idempotent
// by clientKey), editing, inline images that follow the blog's audience,
// and who sees a friends-only blog in the feed and on the space's tab.
import { randomUUID } from "node:crypto";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { publishBlogSchema, saveDraftSchema, updateBlogSchema } from "@/lib/validation/blog";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { getFeed } from "@/server/feed/get-feed";
import { fanOutPost } from "@/server/feed/fan-out";
import { deletePost } from "@/server/posts/delete-post";
import { listSpacePosts } from "@/server/posts/list-space-posts";
import { assertCanViewMedia, accessTo } from "@/server/privacy";
import { befriend, buildPost, buildUser } from "@/test/factories";
import { deleteDraft } from "./delete-draft";
import { getBlog } from "./get-blog";
import { getBlogForEdit } from "./get-blog-for-edit";
import { getDraft } from "./get-draft";
import { listDrafts } from "./list-drafts";
import { previewBlog } from "./preview-blog";
import { publishBlog } from "./publish-blog";
import { renderMarkdown } from "./render-markdown";
import { saveDraft } from "./save-draft";
import { updateBlog } from "./update-blog";

const publishInput = (raw: Record<string, unknown>) => publishBlogSchema.parse(raw);
const draftInput = (raw: Record<string, unknown>) => saveDraftSchema.parse(raw);

async function expectNotFound(work: Promise<unknown>) {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe("not_found");
}

/** An uploaded, processed inline image of `owner` (as the upload + job would leave it), not attached to anything. */
function inlineImage(owner: { id: number }) {
  return db.media.create({
    data: { ownerId: owner.id, purpose: "inline", status: "READY", key: randomUUID(), mime: "image/webp", bytes: 1, variants: ["display"], fileName: "x.jpg" },
  });
}

describe("renderMarkdown (the allowlist)", () => {
  it("keeps headings, emphasis, lists, quotes, code, tables, links and our own images", () => {
    const { html, excerpt, imageIds } = renderMarkdown(
      [
        "# Top",
        "## Section",
        "#### Small",
        "**bold** _italic_ ~~gone~~ `code`",
        "- one\n- two",
        "1. first\n2. second",
        "> quoted",
        "[site](https://example.com/a?b=1) [mail](mailto:a@example.com)",
        "![a cat](/media/42/display)",
        "```\nlet x = 1 < 2;\n```",
        "| a | b |\n|---|:-:|\n| 1 | 2 |",
        "---",
      ].join("\n\n"),
    );
    expect(html).toContain("<h2>Top</h2>"); // h1 is the page's title: mapped down
    expect(html).toContain("<h2>Section</h2>");
    expect(html).toContain("<h4>Small</h4>");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<em>italic</em>");
    expect(html).toContain("<del>gone</del>");
    expect(html).toContain("<code>code</code>");
    expect(html).toMatch(/<ul>\s*<li>one<\/li>\s*<li>two<\/li>\s*<\/ul>/);
    expect(html).toMatch(/<ol>\s*<li>first<\/li>/);
    expect(html).toMatch(/<blockquote>\s*<p>quoted<\/p>\s*<\/blockquote>/);
    expect(html).toContain('<a href="https://example.com/a?b=1" rel="nofollow noopener noreferrer ugc" target="_blank">site</a>');
    expect(html).toContain('<a href="mailto:a@example.com" rel="nofollow noopener noreferrer ugc" target="_blank">mail</a>');
    expect(html).toContain('<img src="/media/42/display" alt="a cat" loading="lazy" />');
    expect(html).toContain("<pre><code>let x = 1 &lt; 2;");
    expect(html).toContain('<th align="center">b</th>');
    expect(html).toContain("<hr />");
    expect(html).not.toContain("<h1");
    expect(imageIds).toEqual([42]);
    expect(excerpt.startsWith("Top Section Small bold italic gone code one two")).toBe(true);
    expect(excerpt).toContain("let x = 1 < 2;"); // plain text, not HTML entities
  });

  it.each([
    ["a script tag", "<script>window.__xss=1</script>hello", ["<script", "__xss"]],
    ["an image with an onerror handler", '<img src=x onerror="alert(1)">', ["<img", "onerror", "alert"]],
    ["a javascript: link", "[x](javascript:alert(1))", ["javascript", "href"]],
    ["an obfuscated javascript: link", '<a href="JaVa&#x09;ScRiPt:alert(1)">x</a>', ["javascript", "href"]],
    ["an iframe", '<iframe src="https://evil.example/"></iframe>', ["<iframe", "evil.example"]],
    ["a data: link", '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>', ["data:", "href"]],
    ["an off-site image", "![t](https://evil.example/track.png) <img src=\"//evil.example/p.gif\">", ["<img", "evil.example"]],
    ["one of our images with extra attributes", '<img src="/media/7/display" onerror="alert(1)" style="width:9999px" width="1">', ["onerror", "style", "width"]],
    ["an image path that only starts like ours", '<img src="/media/7/display/../../api/x"> <img src="/media/7/upload">', ["<img"]],
    ["svg, style, forms and event handlers", '<svg onload="alert(1)"><circle/></svg><style>*{}</style><form action="/x"><input name=a></form><p onclick="x()" class="c">p</p>', ["<svg", "onload", "<style", "<form", "<input", "onclick", "class="]],
  ])("neutralises %s", (_name, source, forbidden) => {
    const { html } = renderMarkdown(source);
    for (const bad of forbidden) expect(html.toLowerCase()).not.toContain(bad.toLowerCase());
  });

  it("keeps the text around what it removes", () => {
    expect(renderMarkdown("[click](javascript:alert(1)) here").html).toBe("<p><a>click</a> here</p>");
  });

  it("cuts the excerpt at about 200 characters", () => {
    const { excerpt } = renderMarkdown("word ".repeat(100));
    expect([...excerpt].length).toBeLessThanOrEqual(201);
    expect(excerpt.endsWith("…")).toBe(true);
  });
});

describe("blog schemas", () => {
  it("need a title of 1–100 characters and at most 50,000 characters of body", () => {
    const issues = (raw: unknown) => publishBlogSchema.safeParse(raw).error?.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(issues({ title: "  ", source: "x" })).toEqual(["title:blogTitleEmpty"]);
    expect(issues({ title: "汉".repeat(101), source: "x" })).toEqual(["title:blogTitleTooLong"]);
    expect(issues({ title: "t", source: "x".repeat(50_001) })).toEqual(["source:blogBodyTooLong"]);
    expect(issues({ title: "t", source: "\n \n" })).toEqual(["source:blogBodyEmpty"]);
    expect(publishBlogSchema.safeParse({ title: "汉".repeat(100), source: "汉".repeat(50_000) }).success).toBe(true);
    expect(publishBlogSchema.parse({ title: "t", source: "x" }).audience).toBe("FRIENDS");
    expect(issues({ title: "t", source: "x", authorId: 1 })?.[0]).toMatch(/unrecognized|Unrecognized/);
    // A draft may be empty.
    expect(saveDraftSchema.safeParse({ title: "", source: "" }).success).toBe(true);
    expect(updateBlogSchema.safeParse({ postId: "1", title: "t", source: "x", audience: "NOPE" }).success).toBe(false);
  });

  it("keep the Markdown's indentation", () => {
    expect(publishInput({ title: "t", source: "\n\n    code\n  - item  \n\n" }).source).toBe("    code\n  - item");
  });
});

describe("title", () => {
  it("is stored as the text typed and rendered by React as text", async () => {
    const me = await buildUser();
    const title = `<img src=x onerror="alert(1)"><script>alert(2)</script>`;
    const { id } = await publishBlog(me, publishInput({ title, source: "body" }));
    const row = await db.post.findUniqueOrThrow({ where: { id: Number(id) }, include: { blog: true } });
    expect(row.title).toBe(title);
    expect(row.blog!.html).toBe("<p>body</p>");
    const { post } = await getBlog(me, { postId: Number(id), handle: me.handle });
    const markup = renderToStaticMarkup(createElement("h1", null, post.title));
    expect(markup).toBe("<h1>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;</h1>");
  });
});

describe("drafts", () => {
  it("are saved, listed, resumed, updated and deleted by their author only", async () => {
    const [me, other] = await Promise.all([buildUser(), buildUser()]);
    const first = await saveDraft(me, draftInput({ title: "", source: "" }));
    const saved = await saveDraft(me, draftInput({ draftId: first.id, title: "Trip", source: "# Day one", audience: "PUBLIC" }));
    expect(saved.id).toBe(first.id);
    expect(await getDraft(me, { draftId: first.id })).toMatchObject({ title: "Trip", source: "# Day one", audience: "PUBLIC" });
    expect((await listDrafts(me)).map((d) => d.id)).toEqual([first.id]);

    // Another user: every path answers not_found and changes nothing.
    await expectNotFound(getDraft(other, { draftId: first.id }));
    await expectNotFound(saveDraft(other, draftInput({ draftId: first.id, title: "pwned", source: "x" })));
    await expectNotFound(deleteDraft(other, { draftId: first.id }));
    await expectNotFound(publishBlog(other, publishInput({ draftId: first.id, title: "stolen", source: "x" })));
    expect(await listDrafts(other)).toEqual([]);
    expect(await db.post.count({ where: { authorId: other.id } })).toBe(0);
    expect(await db.blogDraft.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ authorId: me.id, title: "Trip", source: "# Day one" });

    await deleteDraft(me, { draftId: first.id });
    expect(await db.blogDraft.count({ where: { id: first.id } })).toBe(0);
    await expectNotFound(deleteDraft(me, { draftId: first.id }));
  });
});

describe("a draft with chosen friends", () => {
  it("keeps whom the author picked, and publishing checks them", async () => {
    const [me, friend, stranger] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    await befriend(me, friend);
    const d = await saveDraft(me, draftInput({ title: "For one", source: "hi", audience: "CUSTOM", audienceUserIds: [friend.id] }));
    expect(await getDraft(me, { draftId: d.id })).toMatchObject({ audience: "CUSTOM", audienceUserIds: [friend.id], audienceGroupIds: [] });
    // Switching away from CUSTOM forgets the picks.
    await saveDraft(me, draftInput({ draftId: d.id, title: "For one", source: "hi", audience: "FRIENDS", audienceUserIds: [friend.id] }));
    expect(await getDraft(me, { draftId: d.id })).toMatchObject({ audience: "FRIENDS", audienceUserIds: [] });
    // A forged pick (not a friend) is refused at publish, and nothing is written.
    await expect(publishBlog(me, publishInput({ draftId: d.id, title: "For one", source: "hi", audience: "CUSTOM", audienceUserIds: [stranger.id] }))).rejects.toBeInstanceOf(AppError);
    expect(await db.post.count({ where: { authorId: me.id } })).toBe(0);
    const post = await publishBlog(me, publishInput({ draftId: d.id, title: "For one", source: "hi", audience: "CUSTOM", audienceUserIds: [friend.id] }));
    expect(await db.post.findUniqueOrThrow({ where: { id: Number(post.id) } })).toMatchObject({ audience: "CUSTOM", audienceUserIds: [friend.id] });
  });
});

describe("publishBlog", () => {
  it("creates the post and its blog row and deletes the draft, in one go", async () => {
    const me = await buildUser();
    const draft = await saveDraft(me, draftInput({ title: "Draft", source: "x" }));
    const { id, href } = await publishBlog(me, publishInput({ draftId: draft.id, title: "Hello", source: "## Hi\n\nSome **bold** text", audience: "PUBLIC" }));
    expect(href).toBe(`/u/${me.handle}/blog/${id}`);
    const row = await db.post.findUniqueOrThrow({ where: { id: Number(id) }, include: { blog: true } });
    expect(row).toMatchObject({ authorId: me.id, kind: "blog", title: "Hello", body: "Hi Some bold text", audience: "PUBLIC", state: "READY", editedAt: null });
    expect(row.blog).toMatchObject({ source: "## Hi\n\nSome **bold** text", html: "<h2>Hi</h2>\n<p>Some <strong>bold</strong> text</p>", coverMediaId: null });
    expect(await db.blogDraft.count({ where: { id: draft.id } })).toBe(0);
    // The author sees it in their own feed at once (own inbox entry in the same transaction).
    expect((await getFeed(me, {})).items.map((p) => p.id)).toContain(id);
  });

  it("with the same clientKey twice (and five times at once) creates one blog", async () => {
    const me = await buildUser();
    const clientKey = randomUUID();
    const draft = await saveDraft(me, draftInput({ title: "d", source: "d" }));
    const a = await publishBlog(me, publishInput({ draftId: draft.id, title: "Once", source: "x", clientKey }));
    const b = await publishBlog(me, publishInput({ draftId: draft.id, title: "Twice", source: "y", clientKey }));
    expect(b.id).toBe(a.id);
    const burstKey = randomUUID();
    const burst = await Promise.all(Array.from({ length: 5 }, () => publishBlog(me, publishInput({ title: "Burst", source: "z", clientKey: burstKey }))));
    expect(new Set(burst.map((r) => r.id)).size).toBe(1);
    expect(await db.post.count({ where: { authorId: me.id } })).toBe(2);
    expect(await db.blogPost.count({ where: { post: { authorId: me.id } } })).toBe(2);
    expect((await db.post.findUniqueOrThrow({ where: { id: Number(a.id) } })).title).toBe("Once");
  });
});

describe("updateBlog", () => {
  it("re-renders, sets editedAt and is the author's alone", async () => {
    const [me, other] = await Promise.all([buildUser(), buildUser()]);
    const { id } = await publishBlog(me, publishInput({ title: "v1", source: "first" }));
    const postId = Number(id);
    await expectNotFound(updateBlog(other, updateBlogSchema.parse({ postId, title: "pwned", source: "x", audience: "PUBLIC" })));
    expect(await db.post.findUniqueOrThrow({ where: { id: postId } })).toMatchObject({ title: "v1", editedAt: null, audience: "FRIENDS" });
    await expectNotFound(getBlogForEdit(other, { postId }));

    await updateBlog(me, updateBlogSchema.parse({ postId, title: "v2", source: "### Now\n\n*better*", audience: "PUBLIC" }));
    const row = await db.post.findUniqueOrThrow({ where: { id: postId }, include: { blog: true } });
    expect(row).toMatchObject({ title: "v2", body: "Now better", audience: "PUBLIC" });
    expect(row.editedAt).toBeInstanceOf(Date);
    expect(row.blog).toMatchObject({ source: "### Now\n\n*better*", html: "<h3>Now</h3>\n<p><em>better</em></p>" });
    expect(await getBlogForEdit(me, { postId })).toEqual({ postId, title: "v2", source: "### Now\n\n*better*", audience: "PUBLIC", audienceGroupIds: [], audienceUserIds: [] });
    const { post } = await getBlog(other, { postId, handle: me.handle });
    expect(post.editedAt).not.toBeNull();
  });

  it("refuses a post of another kind", async () => {
    const me = await buildUser();
    const status = await buildPost(me, "PUBLIC");
    await expectNotFound(updateBlog(me, updateBlogSchema.parse({ postId: status.id, title: "t", source: "x", audience: "PUBLIC" })));
    await expectNotFound(getBlog(me, { postId: status.id, handle: me.handle }));
    expect((await db.post.findUniqueOrThrow({ where: { id: status.id } })).kind).toBe("status");
  });
});

describe("inline images", () => {
  it("are attached on publish and follow the blog's audience; others' media are left alone", async () => {
    const [author, friend, stranger] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    await befriend(author, friend);
    const [image, second, strangers] = await Promise.all([inlineImage(author), inlineImage(author), inlineImage(stranger)]);
    // Before publishing, an upload is its owner's alone.
    await expectNotFound(assertCanViewMedia(friend, image.id));

    const { id } = await publishBlog(
      author,
      publishInput({
        title: "Pictures",
        source: `Look:\n\n![first](/media/${image.id}/display)\n\n![second](/media/${second.id}/thumb)\n\n![theirs](/media/${strangers.id}/display)`,
        audience: "FRIENDS",
      }),
    );
    const postId = Number(id);
    expect((await db.media.findUniqueOrThrow({ where: { id: image.id } })).postId).toBe(postId);
    expect((await db.media.findUniqueOrThrow({ where: { id: second.id } })).postId).toBe(postId);
    expect((await db.media.findUniqueOrThrow({ where: { id: strangers.id } })).postId).toBeNull();
    expect((await db.blogPost.findUniqueOrThrow({ where: { postId } })).coverMediaId).toBe(image.id);

    await expectNotFound(assertCanViewMedia(stranger, image.id));
    await expectNotFound(assertCanViewMedia(null, image.id));
    expect((await assertCanViewMedia(friend, image.id)).audience).toBe("FRIENDS");
    expect((await assertCanViewMedia(author, image.id)).id).toBe(image.id);

    // The card shows the cover.
    const { items } = await listSpacePosts(friend, { ownerId: author.id, access: await accessTo(friend, author.id), kind: "blog" });
    expect(items[0]!.attachment).toMatchObject({ kind: "blog", excerpt: "Look:", cover: { id: image.id, display: `/media/${image.id}/display` } });

    // Editing the first image away lets it go and makes the next one the cover.
    await updateBlog(author, updateBlogSchema.parse({ postId, title: "Pictures", source: `![second](/media/${second.id}/display)`, audience: "FRIENDS" }));
    expect((await db.media.findUniqueOrThrow({ where: { id: image.id } })).postId).toBeNull();
    expect((await db.blogPost.findUniqueOrThrow({ where: { postId } })).coverMediaId).toBe(second.id);
    await expectNotFound(assertCanViewMedia(friend, image.id));

    // Deleting the blog deletes its images with it.
    await deletePost(author, { postId });
    expect(await db.media.count({ where: { id: second.id } })).toBe(0);
  });
});

describe("who sees a friends-only blog", () => {
  it("a friend in the feed, on the Blog tab and on its page; a stranger nowhere", async () => {
    const [author, friend, stranger] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    await befriend(author, friend);
    const { id } = await publishBlog(author, publishInput({ title: "For friends", source: "## Hello\n\nfriends only", audience: "FRIENDS" }));
    await fanOutPost(Number(id)); // what the feed-fanout job does after commit

    const friendFeed = await getFeed(friend, {});
    const card = friendFeed.items.find((p) => p.id === id);
    expect(card).toMatchObject({ kind: "blog", title: "For friends", attachment: { kind: "blog", excerpt: "Hello friends only", cover: null } });
    expect((await getFeed(stranger, {})).items.map((p) => p.id)).not.toContain(id);

    const tab = async (viewer: { id: number } | null) =>
      (await listSpacePosts(viewer, { ownerId: author.id, access: await accessTo(viewer, author.id), kind: "blog" })).items.map((p) => p.id);
    expect(await tab(friend)).toEqual([id]);
    expect(await tab(stranger)).toEqual([]);
    expect(await tab(null)).toEqual([]);

    expect((await getBlog(friend, { postId: Number(id), handle: author.handle })).html).toBe("<h2>Hello</h2>\n<p>friends only</p>");
    await expectNotFound(getBlog(stranger, { postId: Number(id), handle: author.handle }));
    await expectNotFound(getBlog(null, { postId: Number(id), handle: author.handle }));
    await expectNotFound(getBlog(friend, { postId: Number(id), handle: stranger.handle }));
  });
});

describe("previewBlog", () => {
  it("renders exactly what publishing would store", async () => {
    const me = await buildUser();
    const source = "# T\n\n<script>x</script>**b**";
    expect((await previewBlog(me, { source })).html).toBe(renderMarkdown(source).html);
    expect((await previewBlog(me, { source })).html).not.toContain("script");
  });
});
