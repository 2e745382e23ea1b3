"use server";
import { deleteDraft } from "@/server/blog/delete-draft";
import { previewBlog } from "@/server/blog/preview-blog";
import { publishBlog } from "@/server/blog/publish-blog";
import { saveDraft } from "@/server/blog/save-draft";
import { updateBlog } from "@/server/blog/update-blog";
import { draftRefSchema, previewBlogSchema, publishBlogSchema, saveDraftSchema, updateBlogSchema } from "@/lib/validation/blog";
import { authedAction } from "./action-client";

export const saveDraftAction = authedAction(saveDraftSchema, saveDraft);
export const deleteDraftAction = authedAction(draftRefSchema, deleteDraft);
export const publishBlogAction = authedAction(publishBlogSchema, publishBlog);
export const updateBlogAction = authedAction(updateBlogSchema, updateBlog);
export const previewBlogAction = authedAction(previewBlogSchema, previewBlog);
