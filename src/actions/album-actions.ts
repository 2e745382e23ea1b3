"use server";
import { createAlbum } from "@/server/albums/create-album";
import { deleteAlbum } from "@/server/albums/delete-album";
import { deletePhoto } from "@/server/albums/delete-photo";
import { movePhoto } from "@/server/albums/move-photo";
import { reorderPhoto } from "@/server/albums/reorder-photo";
import { setAlbumCover } from "@/server/albums/set-album-cover";
import { updateAlbum } from "@/server/albums/update-album";
import { updatePhoto } from "@/server/albums/update-photo";
import {
  albumRefSchema,
  createAlbumSchema,
  movePhotoSchema,
  photoRefSchema,
  reorderPhotoSchema,
  setAlbumCoverSchema,
  updateAlbumSchema,
  updatePhotoSchema,
} from "@/lib/validation/album";
import { authedAction } from "./action-client";

export const createAlbumAction = authedAction(createAlbumSchema, createAlbum);
export const updateAlbumAction = authedAction(updateAlbumSchema, updateAlbum);
export const deleteAlbumAction = authedAction(albumRefSchema, deleteAlbum);
export const setAlbumCoverAction = authedAction(setAlbumCoverSchema, setAlbumCover);
export const updatePhotoAction = authedAction(updatePhotoSchema, updatePhoto);
export const reorderPhotoAction = authedAction(reorderPhotoSchema, reorderPhoto);
export const movePhotoAction = authedAction(movePhotoSchema, movePhoto);
export const deletePhotoAction = authedAction(photoRefSchema, deletePhoto);
