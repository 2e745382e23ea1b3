"use server";
import { addComment } from "@/server/comments/add-comment";
import { deleteComment } from "@/server/comments/delete-comment";
import { addCommentSchema, commentRefSchema } from "@/lib/validation/comment";
import { authedAction } from "./action-client";

export const addCommentAction = authedAction(addCommentSchema, addComment);
export const deleteCommentAction = authedAction(commentRefSchema, deleteComment);
