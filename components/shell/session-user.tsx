"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { Role } from "@/lib/auth/roles";

export type ClientUser = { id: string; email: string; name: string; role: Role };

const SessionUserContext = createContext<ClientUser | null>(null);

export function SessionUserProvider({ user, children }: { user: ClientUser; children: ReactNode }) {
  return <SessionUserContext.Provider value={user}>{children}</SessionUserContext.Provider>;
}

/** The signed-in user. Only inside the signed-in area, whose layout provides it. */
export function useSessionUser(): ClientUser {
  const user = useContext(SessionUserContext);
  if (!user) throw new Error("useSessionUser is used outside the signed-in layout");
  return user;
}

/** Whether the signed-in user may change workflows (editors and admins). */
export function useCanEdit(): boolean {
  return useSessionUser().role !== "viewer";
}
