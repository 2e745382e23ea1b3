"use server";
import { createTrack } from "@/server/music/create-track";
import { setBackgroundMusic } from "@/server/music/set-background-music";
import { updateTrack } from "@/server/music/update-track";
import { createTrackSchema, setBackgroundMusicSchema, updateTrackSchema } from "@/lib/validation/music";
import { authedAction } from "./action-client";

export const createTrackAction = authedAction(createTrackSchema, createTrack);
export const updateTrackAction = authedAction(updateTrackSchema, updateTrack);
export const setBackgroundMusicAction = authedAction(setBackgroundMusicSchema, setBackgroundMusic);
