"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { useSessionUser } from "./session-user";

const links = [
  { href: "/workflows", label: "Workflows" },
  { href: "/deliveries", label: "Delivery log" },
  { href: "/admin", label: "Admin", adminOnly: true },
];

export function AppNav() {
  const user = useSessionUser();
  const pathname = usePathname();

  return (
    <header className="flex h-12 shrink-0 items-center gap-6 border-b border-slate-200 bg-white px-4">
      <Link href="/workflows" className="flex items-center gap-2 font-semibold text-slate-900">
        <span
          aria-hidden
          className="inline-block h-5 w-5 rounded bg-gradient-to-br from-indigo-500 to-sky-400"
        />
        Switchyard
      </Link>
      <nav aria-label="Main" className="flex gap-1">
        {links
          .filter((link) => !link.adminOnly || user.role === "admin")
          .map((link) => {
            const isCurrent = pathname.startsWith(link.href);
            return (
              <Link
                key={link.href}
                href={link.href}
                aria-current={isCurrent ? "page" : undefined}
                className={`rounded-md px-2.5 py-1 text-sm ${isCurrent ? "bg-slate-100 font-medium text-slate-900" : "text-slate-600 hover:text-slate-900"}`}
              >
                {link.label}
              </Link>
            );
          })}
      </nav>
      <div className="ml-auto flex items-center gap-3 text-sm text-slate-600">
        <span>
          {user.name} <span className="text-slate-400">·</span> {user.role}
        </span>
        <button
          type="button"
          className="text-slate-500 hover:text-slate-900"
          onClick={() => void signOut({ callbackUrl: "/signin" })}
        >
          Sign out
        </button>
      </div>
    </header>
  );
}
