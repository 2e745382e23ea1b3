// Named (prepared) statements for the few statements every feed read runs.
// Postgres then parses each once per connection and, after five runs, keeps a
// generic plan instead of planning it again: planning was most of their
// database time (the comments preview: ~2.5 ms to plan, ~1.5 ms to run; see
// docs/BENCHMARKS.md). No database or server-only imports: feed-sql.ts (which
// bench/ runs too) marks its statements with it.
import { createHash } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";

const MARK = "/* prepared */";

/**
 * `sql`, marked to run as a named statement (src/server/db.ts). Only for
 * statements whose text is fixed per call site: every value, the viewer's id
 * included, must be a bound parameter, never text, or each connection would
 * keep a statement per user. Their final SELECT lists its columns (a `*` there
 * would fail with "cached plan must not change result type" after a migration
 * adds a column, until the connection is replaced).
 */
export function prepared(sql: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(MARK)} ${sql}`;
}

const names = new Map<string, string>();

/** The statement name for marked SQL text (a hash of it, so equal texts share one), undefined for any other. */
export function statementName(text: string): string | undefined {
  if (!text.trimStart().startsWith(MARK)) return undefined;
  let name = names.get(text);
  if (!name) {
    name = `kj_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}
