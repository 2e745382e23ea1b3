"use server";
import { createEntry } from "@/server/diary/create-entry";
import { updateEntry } from "@/server/diary/update-entry";
import { deletePost } from "@/server/posts/delete-post";
import { setPostAudience } from "@/server/posts/set-post-audience";
import { createDiarySchema, updateDiarySchema } from "@/lib/validation/diary";
import { postRefSchema, setAudienceSchema } from "@/lib/validation/post";
import { authedAction } from "./action-client";

export const createDiaryEntryAction = authedAction(createDiarySchema, createEntry);
export const updateDiaryEntryAction = authedAction(updateDiarySchema, updateEntry);
// An entry is a post: its audience (widening re-runs the fan-out) and deletion are the posts' own.
export const setDiaryAudienceAction = authedAction(setAudienceSchema, setPostAudience);
export const deleteDiaryEntryAction = authedAction(postRefSchema, deletePost);
