// Environment read in one place. Values are read lazily so that `next build`
// does not need a database.

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (npm start sets it, or export it yourself)");
  return url;
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
