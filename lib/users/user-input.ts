import { z } from "zod";
import { roleSchema } from "../auth/roles";

export const newUserSchema = z.object({
  name: z.string().trim().min(1, "Enter a name").max(100),
  email: z.string().trim().toLowerCase().email("Enter a valid email address").max(200),
  password: z.string().min(10, "Use at least 10 characters").max(200),
});

export const invitedUserSchema = newUserSchema.extend({ role: roleSchema });

export type NewUser = z.infer<typeof newUserSchema>;
export type InvitedUser = z.infer<typeof invitedUserSchema>;

/** What the API shows of a user: never the password hash. */
export type PublicUser = { id: string; name: string; email: string; role: string; createdAt: Date };

export const publicUserSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  createdAt: true,
} as const;
