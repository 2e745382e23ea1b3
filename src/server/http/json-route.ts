import "server-only";
import { NextResponse } from "next/server";
import { AppError, HTTP_STATUS } from "@/server/errors";

/**
 * Wraps a route handler: AppErrors become their HTTP status with a body that
 * carries only the code, so a hidden item and a missing one answer with
 * byte-identical responses.
 */
export function jsonRoute<C>(handler: (req: Request, ctx: C) => Promise<unknown>) {
  return async (req: Request, ctx: C) => {
    try {
      const data = await handler(req, ctx);
      return NextResponse.json(data, { headers: { "Cache-Control": "private, no-store" } });
    } catch (err) {
      if (err instanceof AppError) {
        // The message key lets the browser say what went wrong in the user's language.
        const body = err.messageKey !== err.code ? { error: err.code, message: err.messageKey, ...(err.field ? { field: err.field } : {}) } : { error: err.code };
        return NextResponse.json(body, { status: HTTP_STATUS[err.code], headers: { "Cache-Control": "private, no-store" } });
      }
      console.error(err);
      return NextResponse.json({ error: "internal" }, { status: 500 });
    }
  };
}

type Issue = { code?: string; message?: string; path?: PropertyKey[] };

/**
 * Parsed input, or AppError("invalid"). The first issue's message is passed on
 * when it is one of our i18n keys (so the client can say what is wrong, next
 * to the field); a forged extra field stays a plain "invalid".
 */
export function parseOrThrow<T>(result: { success: true; data: T } | { success: false; error?: { issues?: Issue[] } }): T {
  if (!result.success) {
    const issue = result.error?.issues?.[0];
    const key = issue && issue.code !== "unrecognized_keys" && /^[a-z][A-Za-z]+$/.test(issue.message ?? "") ? issue.message! : "invalid";
    throw new AppError("invalid", key, key !== "invalid" && issue?.path?.length ? String(issue.path[0]) : undefined);
  }
  return result.data;
}
