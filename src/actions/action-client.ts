import "server-only";
import type { z } from "zod";
import { requireViewer, type SignedInViewer } from "@/server/auth/viewer";
import { fromError, fromZodError, type ActionResult } from "@/server/http/to-result";

/**
 * Builds a server action: session read once, input parsed by the zod schema,
 * then exactly one use-case. Actions hold no business logic.
 */
export function authedAction<S extends z.ZodType, T>(
  schema: S,
  useCase: (viewer: SignedInViewer, input: z.output<S>) => Promise<T>,
) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      const viewer = await requireViewer();
      const parsed = schema.safeParse(raw);
      if (!parsed.success) return fromZodError(parsed.error);
      return { ok: true, data: await useCase(viewer, parsed.data) };
    } catch (err) {
      return fromError(err);
    }
  };
}

export function publicAction<S extends z.ZodType, T>(schema: S, useCase: (input: z.output<S>) => Promise<T>) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      const parsed = schema.safeParse(raw);
      if (!parsed.success) return fromZodError(parsed.error);
      return { ok: true, data: await useCase(parsed.data) };
    } catch (err) {
      return fromError(err);
    }
  };
}
