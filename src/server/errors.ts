// One error type with a short list of codes, mapped once to HTTP statuses and
// form errors. Messages are i18n keys (see messages/*.json "errors"), so every
// layer can raise them and the UI shows them in the user's language.

export type ErrorCode =
  | "unauthenticated"
  | "not_found"
  | "forbidden"
  | "invalid"
  | "conflict"
  | "rate_limited"
  | "too_large"
  | "unsupported_media";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** i18n key under "errors", e.g. "handleTaken". */
    readonly messageKey: string = code,
    /** The form field the error belongs to, when there is one. */
    readonly field?: string,
  ) {
    super(`${code}: ${messageKey}${field ? ` (${field})` : ""}`);
  }
}

export const notFound = () => new AppError("not_found", "notFound");

export const HTTP_STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  not_found: 404,
  forbidden: 403,
  invalid: 422,
  conflict: 409,
  rate_limited: 429,
  too_large: 413,
  unsupported_media: 415,
};
