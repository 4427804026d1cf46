import type { ReactNode } from "react";

export function AuthCard({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-full items-center justify-center p-6">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <div className="space-y-1">
          <div className="flex items-center gap-2 font-semibold text-slate-900">
            <span
              aria-hidden
              className="inline-block h-5 w-5 rounded bg-gradient-to-br from-indigo-500 to-sky-400"
            />
            Switchyard
          </div>
          <h1 className="text-xl font-semibold">{title}</h1>
          <p className="text-sm text-slate-600">{subtitle}</p>
        </div>
        {children}
      </div>
    </div>
  );
}
