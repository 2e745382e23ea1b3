import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { readSessionToken, sessionCookieNames } from "./session-token";

export type SignedInViewer = {
  id: number;
  handle: string;
  displayName: string;
  sessionVersion: number;
  locale: string | null;
  timeZone: string | null;
};

/**
 * The signed-in user for this request, or null. Read once per request
 * (React cache). A token whose session version is older than the user's
 * (signed out everywhere, password changed) or whose user is gone counts as
 * signed out.
 */
export const getViewer = cache(async (): Promise<SignedInViewer | null> => {
  const jar = await cookies();
  const token = sessionCookieNames().map((name) => jar.get(name)?.value).find(Boolean);
  const session = await readSessionToken(token);
  if (!session) return null;
  const user = await db.user.findUnique({
    where: { id: session.uid },
    select: { id: true, handle: true, displayName: true, sessionVersion: true, locale: true, timeZone: true },
  });
  if (!user || user.sessionVersion !== session.sv) return null;
  return user;
});

export async function requireViewer(): Promise<SignedInViewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("unauthenticated", "signInRequired");
  return viewer;
}
