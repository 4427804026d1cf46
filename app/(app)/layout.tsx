import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppNav } from "@/components/shell/app-nav";
import { SessionUserProvider } from "@/components/shell/session-user";
import { getSessionUser } from "@/lib/auth/get-session-user";
import { isSetupComplete } from "@/lib/users/is-setup-complete";

export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser(await headers());
  if (!user) redirect((await isSetupComplete()) ? "/signin" : "/setup");

  const clientUser = { id: user.id, email: user.email, name: user.name, role: user.role };
  return (
    <SessionUserProvider user={clientUser}>
      <div className="flex h-full flex-col">
        <AppNav />
        <main className="min-h-0 flex-1">{children}</main>
      </div>
    </SessionUserProvider>
  );
}
