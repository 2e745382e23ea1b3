"use server";
import { createVideo } from "@/server/video/create-video";
import { updateVideo } from "@/server/video/update-video";
import { createVideoSchema, updateVideoSchema } from "@/lib/validation/video";
import { authedAction } from "./action-client";

export const createVideoAction = authedAction(createVideoSchema, createVideo);
export const updateVideoAction = authedAction(updateVideoSchema, updateVideo);
