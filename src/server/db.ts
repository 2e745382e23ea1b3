import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/generated/prisma/client";
import { databaseUrl, databasePoolSize, namedStatements } from "@/server/env";
import { statementName } from "@/server/prepared-sql";

/** The statement name for `text` when named statements are on here (env.ts namedStatements), else unnamed. */
let named: boolean | undefined;
const nameOf = (text: string) => ((named ??= namedStatements()) ? statementName(text) : undefined);

function createClient() {
  // One pool, shared by Prisma and queryRows() below.
  const pool = new pg.Pool({ connectionString: databaseUrl(), max: databasePoolSize() });
  const adapter = new PrismaPg(
    pool,
    // Statements marked with prepared() (./prepared-sql.ts) run as named statements; for all others the
    // name is undefined: unnamed, as without a generator.
    { statementNameGenerator: (query) => nameOf(query.sql) as string },
  );
  const prisma = new PrismaClient({
    adapter,
    // The password hash never leaves the data layer unless a use-case asks
    // for it explicitly (sign-in).
    omit: { user: { passwordHash: true } },
  });
  return { prisma, pool };
}
type Client = ReturnType<typeof createClient>["prisma"];

// One client per process, created on first use (so `next build` needs no
// database). In development Next re-evaluates modules on every change, so the
// instance is parked on globalThis to avoid opening a new pool each time.
const globalForPrisma = globalThis as unknown as { kongjianPrisma?: Client; kongjianPool?: pg.Pool };
function client(): Client {
  if (!globalForPrisma.kongjianPrisma) {
    const { prisma, pool } = createClient();
    globalForPrisma.kongjianPrisma = prisma;
    globalForPrisma.kongjianPool = pool;
  }
  return globalForPrisma.kongjianPrisma;
}

export const db = new Proxy({} as Client, {
  get(_target, prop) {
    const c = client();
    const value = Reflect.get(c, prop, c);
    return typeof value === "function" ? value.bind(c) : value;
  },
});

export type Db = Client;

/**
 * Runs a read straight on the pool, without Prisma's query layer (which cost
 * about as much CPU as the rest of a feed request's database work: see
 * docs/BENCHMARKS.md). Only for the hot reads of the feed, and only for
 * SELECTs whose columns pg returns as $queryRaw would: integers (int4, not
 * int8/numeric), text, booleans, enums, int4 arrays, timestamptz (a Date in
 * both) and json. Statements marked with prepared() run as named statements.
 */
export async function queryRows<T>(sql: Prisma.Sql): Promise<T[]> {
  client();
  const res = await globalForPrisma.kongjianPool!.query({ name: nameOf(sql.text), text: sql.text, values: sql.values as unknown[] });
  return res.rows as T[];
}
