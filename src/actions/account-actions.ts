"use server";
import { cookies, headers } from "next/headers";
import { z } from "zod";
import { consumeAuthAttempt, clientIp } from "@/server/auth/rate-limit";
import { getViewer } from "@/server/auth/viewer";
import { fromError, fromZodError, type ActionResult } from "@/server/http/to-result";
import { setPreferences } from "@/server/users/set-preferences";
import { signOutEverywhere } from "@/server/users/sign-out-everywhere";
import { signUp } from "@/server/users/sign-up";
import { updateProfile } from "@/server/users/update-profile";
import { LOCALE_COOKIE, LOCALES, isLocale } from "@/i18n/config";
import { signUpSchema, updateProfileSchema } from "@/lib/validation/user";
import { authedAction } from "./action-client";

/** Sign-up is rate-limited per IP and per email before any work is done. */
export async function signUpAction(raw: unknown): Promise<ActionResult<{ handle: string }>> {
  try {
    const hdrs = await headers();
    const email = typeof raw === "object" && raw && "email" in raw ? String(raw.email) : "";
    await consumeAuthAttempt(clientIp(hdrs), "signup", email);
    const parsed = signUpSchema.safeParse(raw);
    if (!parsed.success) return fromZodError(parsed.error);
    const jar = await cookies();
    const locale = jar.get(LOCALE_COOKIE)?.value;
    const user = await signUp(parsed.data, isLocale(locale) ? locale : null);
    return { ok: true, data: { handle: user.handle } };
  } catch (err) {
    return fromError(err);
  }
}

export const updateProfileAction = authedAction(updateProfileSchema, updateProfile);
export const signOutEverywhereAction = authedAction(z.object({}), (viewer) => signOutEverywhere(viewer));

/** The language switch: a cookie that sticks, and the account's preference when signed in. */
export async function setLocaleAction(raw: unknown): Promise<ActionResult> {
  const parsed = z.object({ locale: z.enum(LOCALES) }).safeParse(raw);
  if (!parsed.success) return fromZodError(parsed.error);
  const jar = await cookies();
  jar.set(LOCALE_COOKIE, parsed.data.locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  const viewer = await getViewer();
  if (viewer) await setPreferences(viewer, { locale: parsed.data.locale });
  return { ok: true, data: null };
}
