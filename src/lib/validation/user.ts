import { z } from "zod";
import { text } from "./text";

export const HANDLE_PATTERN = /^[a-z0-9_]{3,20}$/;

export const emailSchema = z
  .string({ error: "emailInvalid" })
  .trim()
  .toLowerCase()
  .max(254, { message: "emailInvalid" })
  .pipe(z.email({ message: "emailInvalid" }));

export const handleSchema = z
  .string({ error: "handleInvalid" })
  .trim()
  .toLowerCase()
  .regex(HANDLE_PATTERN, { message: "handleInvalid" });

export const passwordSchema = z
  .string({ error: "passwordTooShort" })
  .min(8, { message: "passwordTooShort" })
  .max(200, { message: "passwordTooLong" });

export const displayNameSchema = text(1, 40, { empty: "displayNameRequired", tooLong: "displayNameTooLong" });
export const bioSchema = text(0, 200, { empty: "bioTooLong", tooLong: "bioTooLong" });

export const signUpSchema = z.object({
  email: emailSchema,
  handle: handleSchema,
  displayName: displayNameSchema,
  password: passwordSchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const updateProfileSchema = z.object({ displayName: displayNameSchema, bio: bioSchema });
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;

export const userRefSchema = z.object({ userId: z.coerce.number().int().positive() });
export type UserRef = z.infer<typeof userRefSchema>;

export const respondRequestSchema = userRefSchema.extend({ accept: z.enum(["yes", "no"]).transform((v) => v === "yes") });
