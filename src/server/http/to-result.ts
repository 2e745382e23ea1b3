import type { z } from "zod";
import { AppError } from "@/server/errors";

/**
 * What every server action returns. Errors are i18n keys under "errors"; a
 * field error belongs next to its field in the form.
 */
export type ActionResult<T = null> =
  | { ok: true; data: T }
  | { ok: false; code: string; error: string; fieldErrors?: Record<string, string> };

export function fromZodError(error: z.ZodError): ActionResult<never> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "_form");
    if (issue.code === "unrecognized_keys") {
      return { ok: false, code: "invalid", error: "unexpectedFields" };
    }
    fieldErrors[field] ??= issue.message;
  }
  return { ok: false, code: "invalid", error: "checkFields", fieldErrors };
}

export function fromError(err: unknown): ActionResult<never> {
  if (err instanceof AppError) {
    return err.field
      ? { ok: false, code: err.code, error: err.messageKey, fieldErrors: { [err.field]: err.messageKey } }
      : { ok: false, code: err.code, error: err.messageKey };
  }
  console.error(err);
  return { ok: false, code: "internal", error: "internal" };
}
