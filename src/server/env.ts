// Environment read in one place. Values are read lazily so that `next build`
// does not need a database.

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (npm start sets it, or export it yourself)");
  return url;
}

/**
 * Whether the feed's hot reads may run as named prepared statements
 * (src/server/prepared-sql.ts). Not on the embedded Postgres: PGlite is one
 * session shared by every connection, so two connections preparing the same
 * name would collide ("prepared statement already exists"). Its URL says so
 * (scripts/lib/embedded-postgres.mjs); DATABASE_NAMED_STATEMENTS=off turns
 * them off elsewhere too (e.g. behind a transaction-mode pooler).
 */
export function namedStatements(): boolean {
  if (process.env.DATABASE_NAMED_STATEMENTS === "off") return false;
  return new URL(databaseUrl()).searchParams.get("application_name") !== "kongjian-embedded";
}

export function databasePoolSize(): number {
  return Number(process.env.DATABASE_POOL_SIZE ?? 10);
}

/** Attempts allowed per window for sign-in and sign-up, per IP and per account. */
export function authRateLimit(): { points: number; durationSeconds: number } {
  return {
    points: Number(process.env.AUTH_RATE_LIMIT_POINTS ?? 10),
    durationSeconds: Number(process.env.AUTH_RATE_LIMIT_SECONDS ?? 300),
  };
}
