"use client";

import { useQuery } from "@tanstack/react-query";
import type { RedactionView } from "@/lib/api/views";
import { redactionQueryOptions, useUpdateRedaction } from "@/lib/client/redaction-queries";
import { RedactionForm } from "./redaction-form";

/** What the delivery log redacts before storing an exchange, and how much of each body it keeps. */
export function RedactionPanel() {
  const redaction = useQuery(redactionQueryOptions());
  // Held here, not in the form: a save remounts the form with the stored values, and its
  // outcome must outlive that.
  const update = useUpdateRedaction();

  return (
    <section aria-labelledby="redaction-heading" className="space-y-3">
      <div>
        <h2 id="redaction-heading" className="text-sm font-semibold text-slate-900">
          Redaction
        </h2>
        <p className="mt-0.5 text-xs text-slate-500">
          Applied before an exchange is stored, for the whole installation. Runs still receive the
          real values.
        </p>
      </div>
      {redaction.isPending ? (
        <p className="text-sm text-slate-500">Loading redaction settings…</p>
      ) : redaction.isError ? (
        <p role="alert" className="text-sm text-rose-700">
          {redaction.error.message}
        </p>
      ) : (
        <div className="grid items-start divide-y divide-slate-100 rounded-lg bg-white shadow-sm ring-1 ring-slate-200 lg:grid-cols-2 lg:divide-x lg:divide-y-0">
          <RedactionForm
            key={settingsKey(redaction.data)}
            redaction={redaction.data}
            update={update}
          />
          <BuiltInRules redaction={redaction.data} />
        </div>
      )}
    </section>
  );
}

/** Remounts the form with fresh defaults when the stored settings change. */
function settingsKey(view: RedactionView): string {
  return JSON.stringify([view.headerNames, view.jsonPaths, view.maxStoredBodyBytes]);
}

function BuiltInRules({ redaction }: { redaction: RedactionView }) {
  const { headerNames, headerNameFragments } = redaction.builtIn;
  return (
    <div className="space-y-4 px-4 py-4 text-sm">
      <h3 className="font-medium text-slate-700">Always redacted</h3>
      <div className="space-y-1.5">
        <p className="text-xs text-slate-500">Headers named</p>
        <ul aria-label="Header names always redacted" className="flex flex-wrap gap-1.5">
          {headerNames.map((name) => (
            <li key={name} className={chipClass}>
              {name}
            </li>
          ))}
        </ul>
      </div>
      <div className="space-y-1.5">
        <p className="text-xs text-slate-500">Headers whose name contains</p>
        <ul aria-label="Header name parts always redacted" className="flex flex-wrap gap-1.5">
          {headerNameFragments.map((fragment) => (
            <li key={fragment} className={chipClass}>
              {fragment}
            </li>
          ))}
        </ul>
      </div>
      <p className="text-xs leading-relaxed text-slate-500">
        Webhook signing secrets are replaced wherever they appear in a delivery&apos;s exchange.
        Bodies that are not UTF-8 are stored as base64 and not searched.
      </p>
      <div className="space-y-1.5 border-t border-slate-100 pt-3">
        <h3 className="font-medium text-slate-700">Path syntax</h3>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
          {pathExamples.map(([path, meaning]) => (
            <div key={path} className="contents">
              <dt>
                <code className="font-mono text-slate-800">{path}</code>
              </dt>
              <dd className="text-slate-500">{meaning}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}

const chipClass =
  "rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700 ring-1 ring-inset ring-slate-200";

const pathExamples: readonly (readonly [string, string])[] = [
  ["card.number", "a key inside a key, from the top of the body"],
  ["user.*.ssn", "* is any one key or array element"],
  ["items[*].token", "[*] is every element of an array"],
  ["**.password", "** is any depth, the top included"],
  ["password", "a single name also matches a form field"],
];
