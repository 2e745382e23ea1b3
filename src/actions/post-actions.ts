"use server";
import { createPost } from "@/server/posts/create-post";
import { deletePost } from "@/server/posts/delete-post";
import { setPostAudience } from "@/server/posts/set-post-audience";
import { createPostSchema, postRefSchema, setAudienceSchema } from "@/lib/validation/post";
import { authedAction } from "./action-client";

export const createPostAction = authedAction(createPostSchema, createPost);
export const deletePostAction = authedAction(postRefSchema, deletePost);
export const setPostAudienceAction = authedAction(setAudienceSchema, setPostAudience);
