// How tests look at refusals. "Hidden looks exactly like missing" is asserted
// the same way everywhere: the same AppError code and message key as for an
// id that does not exist, and that code is not_found.
import { expect } from "vitest";
import { AppError } from "@/server/errors";

/** The AppError `work` threw, or null when it succeeded (any other error fails the test). */
export async function errorOf(work: Promise<unknown>): Promise<AppError | null> {
  try {
    await work;
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
}

/** The AppError `work` must throw (fails the test on success or on any other error). */
export async function appErrorOf(work: Promise<unknown>): Promise<AppError> {
  const err = await errorOf(work);
  if (err === null) throw new Error("expected the use-case to throw an AppError");
  return err;
}

/** `hidden` is refused exactly like `missing` (the same call on an id that does not exist): not_found, same key. */
export async function expectLikeMissing(hidden: Promise<unknown>, missing: Promise<unknown>): Promise<void> {
  // Both awaited at once: a promise that rejects before anyone listens is an unhandled rejection.
  const [h, m] = await Promise.all([errorOf(hidden), errorOf(missing)]);
  compare(h, m);
}

/** The same, for an error already caught (`err`, from errorOf). */
export async function expectErrorLikeMissing(err: unknown, missing: Promise<unknown>): Promise<void> {
  compare(err, await errorOf(missing));
}

function compare(h: unknown, m: AppError | null) {
  expect(h, "the hidden case must be refused").toBeInstanceOf(AppError);
  expect(m).toBeInstanceOf(AppError);
  const [he, me] = [h as AppError, m!];
  expect({ code: he.code, key: he.messageKey }).toEqual({ code: me.code, key: me.messageKey });
  expect(he.code).toBe("not_found");
}
