import "server-only";
import { db } from "@/server/db";
import { dummyPasswordHash, verifyPassword } from "@/server/auth/password";

/**
 * The user with this email and password, or null. Unknown emails cost the same
 * hashing time as wrong passwords, so the answer does not reveal which
 * emails have accounts.
 */
export async function authenticate(email: string, password: string) {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, passwordHash: true, sessionVersion: true },
  });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  return user && ok ? { id: user.id, sessionVersion: user.sessionVersion } : null;
}
