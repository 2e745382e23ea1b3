"use server";
import { createTrack } from "@/server/music/create-track";
import { setBackgroundMusic } from "@/server/music/set-background-music";
import { removeTrackCover, setTrackCover } from "@/server/music/set-track-cover";
import { updateTrack } from "@/server/music/update-track";
import { createTrackSchema, removeTrackCoverSchema, setBackgroundMusicSchema, setTrackCoverSchema, updateTrackSchema } from "@/lib/validation/music";
import { authedAction } from "./action-client";

export const createTrackAction = authedAction(createTrackSchema, createTrack);
export const updateTrackAction = authedAction(updateTrackSchema, updateTrack);
// The cover image itself is uploaded through POST /api/uploads (purpose track-cover) first.
export const setTrackCoverAction = authedAction(setTrackCoverSchema, setTrackCover);
export const removeTrackCoverAction = authedAction(removeTrackCoverSchema, removeTrackCover);
export const setBackgroundMusicAction = authedAction(setBackgroundMusicSchema, setBackgroundMusic);
