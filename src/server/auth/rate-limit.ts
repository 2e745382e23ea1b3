import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { authRateLimit } from "@/server/env";
import { AppError } from "@/server/errors";

// Sign-in and sign-up attempts are limited per client IP and per account
// (email), e.g. 10 per 5 minutes each. The counters live in this process:
// `next start` is one process; several instances would need the library's
// Postgres or Redis store instead (same API).
type Limiter = RateLimiterMemory;
const limiters = new Map<string, Limiter>();

function limiter(name: "ip" | "account"): Limiter {
  let l = limiters.get(name);
  if (!l) {
    const { points, durationSeconds } = authRateLimit();
    // Tests raise the per-IP budget (every browser test shares 127.0.0.1)
    // but keep the per-account one, which is what they assert.
    const ipPoints = Number(process.env.AUTH_RATE_LIMIT_IP_POINTS ?? points);
    l = new RateLimiterMemory({ keyPrefix: `auth-${name}`, points: name === "ip" ? ipPoints : points, duration: durationSeconds });
    limiters.set(name, l);
  }
  return l;
}

/**
 * Counts one attempt of `kind` for the account named by `email`; throws
 * AppError rate_limited when the IP or the account is over its budget. The
 * email is normalised exactly as sign-in does (trim, lower-case), so
 * " Victim@x" counts against victim@x.
 */
export async function consumeAuthAttempt(ip: string, kind: "signin" | "signup", email: string): Promise<void> {
  const account = `${kind}:${email.trim().toLowerCase() || "(empty)"}`;
  try {
    await Promise.all([limiter("ip").consume(ip), limiter("account").consume(account)]);
  } catch (err) {
    if (err instanceof RateLimiterRes) throw new AppError("rate_limited", "rateLimited");
    throw err;
  }
}

/**
 * The client address. Next's server sets x-forwarded-for from the socket when
 * no proxy did; behind a reverse proxy that appends, the right-most entry is
 * the one the proxy saw, so that is the one used. Route handlers cannot see
 * the socket, so without such a proxy a client can vary this header: the
 * per-account budget is the limit that cannot be dodged. Deploy behind a
 * proxy that sets x-forwarded-for.
 */
export function clientIp(headers: Headers): string {
  const xff = headers.get("x-forwarded-for");
  const last = xff?.split(",").pop()?.trim();
  return last || headers.get("x-real-ip") || "unknown";
}
