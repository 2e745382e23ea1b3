"use server";
import { likeComment } from "@/server/likes/like-comment";
import { likePost } from "@/server/likes/like-post";
import { unlikeComment } from "@/server/likes/unlike-comment";
import { unlikePost } from "@/server/likes/unlike-post";
import { likeCommentSchema, likePostSchema } from "@/lib/validation/likes";
import { authedAction } from "./action-client";

export const likePostAction = authedAction(likePostSchema, likePost);
export const unlikePostAction = authedAction(likePostSchema, unlikePost);
export const likeCommentAction = authedAction(likeCommentSchema, likeComment);
export const unlikeCommentAction = authedAction(likeCommentSchema, unlikeComment);
