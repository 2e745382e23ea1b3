"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { previewSchema } from "@/lib/validation/preview";
import { choosePreview } from "@/server/preview/choose-preview";
import { PREVIEW_COOKIE } from "@/server/preview/preview-cookie";
import { authedAction } from "./action-client";

// The preview is a cookie read by every page of the owner's space; an hour is
// plenty, and "Exit preview" clears it at once.
export const startPreviewAction = authedAction(previewSchema, async (viewer, input) => {
  const { cookie, handle } = await choosePreview(viewer, input);
  (await cookies()).set(PREVIEW_COOKIE, cookie, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 3600 });
  return { handle };
});

export const exitPreviewAction = authedAction(z.object({}).strict(), async () => {
  (await cookies()).delete(PREVIEW_COOKIE);
  return { done: true };
});
