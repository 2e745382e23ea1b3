import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/server/errors";

/** For pages: a not_found from a use-case (missing or hidden) becomes Next's 404 page. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}
