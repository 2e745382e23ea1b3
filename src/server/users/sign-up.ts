import "server-only";
import { db } from "@/server/db";
import { hashPassword } from "@/server/auth/password";
import { AppError } from "@/server/errors";
import { isUniqueViolation } from "@/server/prisma-errors";
import type { SignUpInput } from "@/lib/validation/user";

export async function signUp(input: SignUpInput, locale: string | null) {
  // Friendly early checks; the unique indexes below are what make it safe
  // under concurrent sign-ups.
  const [emailTaken, handleTaken] = await Promise.all([
    db.user.findUnique({ where: { email: input.email }, select: { id: true } }),
    db.user.findUnique({ where: { handle: input.handle }, select: { id: true } }),
  ]);
  if (emailTaken) throw new AppError("conflict", "emailTaken", "email");
  if (handleTaken) throw new AppError("conflict", "handleTaken", "handle");

  try {
    return await db.user.create({
      data: {
        email: input.email,
        handle: input.handle,
        displayName: input.displayName,
        passwordHash: await hashPassword(input.password),
        locale,
      },
      select: { id: true, handle: true },
    });
  } catch (err) {
    const target = isUniqueViolation(err);
    if (target?.includes("email")) throw new AppError("conflict", "emailTaken", "email");
    if (target?.includes("handle")) throw new AppError("conflict", "handleTaken", "handle");
    throw err;
  }
}
