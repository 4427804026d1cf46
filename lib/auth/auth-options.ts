import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "../db/client";
import { getAuthSecret } from "./auth-secret";
import { verifyPassword } from "./password";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
});

/** next-auth configuration: email and password, sessions as signed JWT cookies. */
export function getAuthOptions(): NextAuthOptions {
  return {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        authorize: async (raw) => {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const user = await getDb().user.findUnique({ where: { email: parsed.data.email } });
          if (!user || !(await verifyPassword(parsed.data.password, user.passwordHash))) {
            return null;
          }
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
    ],
  };
}
