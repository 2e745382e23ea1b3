import "server-only";
import { db } from "@/server/db";

// The few accounts that are pulled instead of fanned out, kept in memory for
// a few seconds: most viewers follow none of them, and then the feed needs no
// hot pull at all. The fan-out job marks new ones in this process at once;
// other processes see them within REFRESH_MS (until then such a post shows
// up a few seconds late, never wrongly).
const REFRESH_MS = 5_000;
let cached: { ids: number[]; at: number } | null = null;

export async function hotAccountIds(): Promise<number[]> {
  if (cached && Date.now() - cached.at < REFRESH_MS) return cached.ids;
  const rows = await db.user.findMany({ where: { hot: true }, select: { id: true } });
  cached = { ids: rows.map((r) => r.id), at: Date.now() };
  return cached.ids;
}

export function rememberHotAccount(id: number) {
  if (cached && !cached.ids.includes(id)) cached = { ids: [...cached.ids, id], at: cached.at };
}
