"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { UserView } from "@/lib/api/views";
import { useChangeUserRole, userRoles, usersQueryOptions } from "@/lib/client/admin-queries";
import { useSessionUser } from "../shell/session-user";
import { RelativeTime } from "../ui/relative-time";
import { InviteUserForm } from "./invite-user-form";
import { roleLabels } from "./role-labels";

/** Everyone in the workspace with a role picker each, beside the form that adds people. */
export function UsersPanel() {
  const users = useQuery(usersQueryOptions());
  const sessionUser = useSessionUser();

  return (
    <section aria-labelledby="users-heading" className="space-y-3">
      <h2 id="users-heading" className="text-sm font-semibold text-slate-900">
        Users
      </h2>
      <div className="grid items-start gap-4 lg:grid-cols-3">
        <div className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200 lg:col-span-2">
          {users.isPending ? (
            <p className="px-4 py-6 text-sm text-slate-500">Loading users…</p>
          ) : users.isError ? (
            <p role="alert" className="px-4 py-6 text-sm text-rose-700">
              {users.error.message}
            </p>
          ) : (
            <table className="w-full text-sm">
              <thead className="text-left text-xs text-slate-500">
                <tr className="border-b border-slate-100">
                  <th scope="col" className="px-4 py-2 font-medium">
                    Name
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    Email
                  </th>
                  <th scope="col" className="w-36 px-4 py-2 font-medium">
                    Role
                  </th>
                  <th scope="col" className="w-28 px-4 py-2 text-right font-medium">
                    Added
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {users.data.map((user) => (
                  <UserRow key={user.id} user={user} isSelf={user.id === sessionUser.id} />
                ))}
              </tbody>
            </table>
          )}
        </div>
        <InviteUserForm />
      </div>
    </section>
  );
}

function UserRow({ user, isSelf }: { user: UserView; isSelf: boolean }) {
  const changeRole = useChangeUserRole();
  const router = useRouter();
  const shownRole = changeRole.isPending ? changeRole.variables.role : user.role;

  function onRoleChange(value: string) {
    const role = userRoles.find((candidate) => candidate === value);
    if (!role || role === user.role) return;
    changeRole.mutate(
      { userId: user.id, role },
      {
        // Stepping down from admin takes this page away; let the server render say so.
        onSuccess: () => {
          if (isSelf && role !== "admin") router.refresh();
        },
      },
    );
  }

  return (
    <tr className="align-top">
      <td className="px-4 py-2.5 text-slate-900">
        {user.name}
        {isSelf ? <span className="ml-1.5 text-xs text-slate-400">(you)</span> : null}
      </td>
      <td className="break-all px-4 py-2.5 text-slate-600">{user.email}</td>
      <td className="px-4 py-2">
        <select
          aria-label={`Role for ${user.email}`}
          value={shownRole}
          disabled={changeRole.isPending}
          onChange={(event) => onRoleChange(event.target.value)}
          className="w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500 disabled:bg-slate-50"
        >
          {userRoles.map((role) => (
            <option key={role} value={role}>
              {roleLabels[role]}
            </option>
          ))}
        </select>
        {changeRole.isError ? (
          <p role="alert" className="mt-1 text-xs text-rose-600">
            {changeRole.error.message}
          </p>
        ) : null}
      </td>
      <td className="px-4 py-2.5 text-right text-xs text-slate-500">
        <RelativeTime iso={user.createdAt} />
      </td>
    </tr>
  );
}
