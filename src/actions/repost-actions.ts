"use server";
import { createRepost } from "@/server/reposts/create-repost";
import { createRepostSchema } from "@/lib/validation/repost";
import { authedAction } from "./action-client";

export const createRepostAction = authedAction(createRepostSchema, createRepost);
