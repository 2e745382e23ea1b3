import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { authOptions } from "@/server/auth/auth-options";
import { clientIp, consumeAuthAttempt } from "@/server/auth/rate-limit";
import { AppError } from "@/server/errors";

const handler = NextAuth(authOptions);

type Ctx = { params: Promise<{ nextauth: string[] }> };

export function GET(req: Request, ctx: Ctx) {
  return handler(req, ctx);
}

/**
 * Sign-in attempts are counted before next-auth sees them. Over the limit the
 * answer is a 429 whose JSON still has the `url` next-auth's client expects,
 * so signIn() reports error "RateLimited" and the form shows the message.
 */
export async function POST(req: Request, ctx: Ctx) {
  if (new URL(req.url).pathname.endsWith("/callback/credentials")) {
    const form = await req.clone().formData().catch(() => null);
    try {
      await consumeAuthAttempt(clientIp(req.headers), "signin", String(form?.get("email") ?? ""));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const t = await getTranslations("errors");
      const origin = new URL(req.url).origin;
      return NextResponse.json(
        { error: "RateLimited", message: t("rateLimited"), url: `${origin}/signin?error=RateLimited` },
        { status: 429, headers: { "Retry-After": "300" } },
      );
    }
  }
  return handler(req, ctx);
}
