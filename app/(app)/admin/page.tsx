import type { Metadata } from "next";
import { headers } from "next/headers";
import { AdminDashboard } from "@/components/admin/admin-dashboard";
import { getSessionUser } from "@/lib/auth/get-session-user";

export const metadata: Metadata = { title: "Admin · Switchyard" };

export default async function AdminPage() {
  const user = await getSessionUser(await headers());
  if (user?.role !== "admin") return <AdminsOnly />;
  return <AdminDashboard />;
}

function AdminsOnly() {
  return (
    <div className="mx-auto mt-24 max-w-sm px-6 text-center">
      <h1 className="text-base font-semibold text-slate-900">Admins only</h1>
      <p className="mt-1 text-sm text-slate-500">
        This dashboard is for workspace admins. Ask one of them if you need access.
      </p>
    </div>
  );
}
