import "server-only";
import { db } from "@/server/db";

/** Which of `handles` belong to an account (one query; none for an empty list). */
export async function existingHandles(handles: Iterable<string>): Promise<Set<string>> {
  const list = [...new Set(handles)];
  if (!list.length) return new Set();
  const rows = await db.user.findMany({ where: { handle: { in: list } }, select: { handle: true } });
  return new Set(rows.map((r) => r.handle));
}

/** The accounts behind `handles` (id and handle), in one query. */
export async function usersByHandle(handles: readonly string[]): Promise<{ id: number; handle: string }[]> {
  if (!handles.length) return [];
  return db.user.findMany({ where: { handle: { in: [...new Set(handles)] } }, select: { id: true, handle: true } });
}
