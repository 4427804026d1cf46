"use client";

import Link from "next/link";
import type { MouseEvent } from "react";
import type { ExchangeSummaryView } from "@/lib/api/views";
import { describeKind, ExchangeStatus, KindBadge, ReplayMark } from "./exchange-labels";
import { formatDuration } from "../ui/format";
import { RelativeTime } from "../ui/relative-time";

type ExchangeTableProps = {
  exchanges: ExchangeSummaryView[];
  selectedId: string | null;
  hrefFor: (exchangeId: string) => string;
  onOpen: (exchangeId: string) => void;
};

/** Columns that give way first when the inspector narrows the list. */
const wideOnly = "hidden @4xl:table-cell";

export function ExchangeTable({ exchanges, selectedId, hrefFor, onOpen }: ExchangeTableProps) {
  return (
    <div className="@container">
      <table className="w-full table-fixed text-sm">
        <caption className="sr-only">Exchanges, newest first</caption>
        <thead className="sticky top-0 z-10 bg-slate-50/95 text-left text-xs font-medium text-slate-500 backdrop-blur">
          <tr className="border-b border-slate-200">
            <th scope="col" className="w-40 py-2 pl-6 pr-3 font-medium">
              Kind
            </th>
            <th scope="col" className={`w-36 px-3 py-2 font-medium ${wideOnly}`}>
              Workflow
            </th>
            <th scope="col" className="w-20 px-3 py-2 font-medium">
              Method
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              URL
            </th>
            <th scope="col" className="w-36 px-3 py-2 font-medium">
              Status
            </th>
            <th scope="col" className={`w-24 px-3 py-2 text-right font-medium ${wideOnly}`}>
              Duration
            </th>
            <th scope="col" className="w-28 py-2 pl-3 pr-6 text-right font-medium">
              Time
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {exchanges.map((exchange) => (
            <ExchangeRow
              key={exchange.id}
              exchange={exchange}
              isSelected={exchange.id === selectedId}
              href={hrefFor(exchange.id)}
              onOpen={onOpen}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

type ExchangeRowProps = {
  exchange: ExchangeSummaryView;
  isSelected: boolean;
  href: string;
  onOpen: (exchangeId: string) => void;
};

function ExchangeRow({ exchange, isSelected, href, onOpen }: ExchangeRowProps) {
  // The link in the URL cell is what keyboards and screen readers use; the whole row is a
  // click target for the mouse, except for the link itself, which navigates on its own.
  function onRowClick(event: MouseEvent<HTMLTableRowElement>) {
    if (event.target instanceof Element && event.target.closest("a")) return;
    onOpen(exchange.id);
  }

  return (
    <tr
      onClick={onRowClick}
      className={`cursor-pointer transition-colors ${isSelected ? "bg-indigo-50/70" : "hover:bg-slate-50"}`}
    >
      <td
        className={`py-2 pl-6 pr-3 ${isSelected ? "shadow-[inset_3px_0_0_0_var(--color-indigo-500)]" : ""}`}
      >
        <KindBadge kind={exchange.kind} attempt={exchange.attempt} />
      </td>
      <td
        className={`truncate px-3 py-2 text-slate-700 ${wideOnly}`}
        title={exchange.workflowName ?? undefined}
      >
        {exchange.workflowName ?? <span className="text-slate-400">—</span>}
      </td>
      <td className="px-3 py-2 font-mono text-xs font-semibold text-slate-700">
        {exchange.method}
      </td>
      <td className="px-3 py-2">
        <div className="flex items-center gap-1.5">
          {exchange.replayOfId ? <ReplayMark /> : null}
          <Link
            href={href}
            scroll={false}
            title={exchange.url}
            aria-label={`${describeKind(exchange)} ${exchange.method} ${exchange.url}`}
            aria-current={isSelected ? "true" : undefined}
            className="block min-w-0 truncate rounded font-mono text-xs text-slate-800 hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
          >
            {exchange.url}
          </Link>
        </div>
      </td>
      <td className="px-3 py-2">
        <ExchangeStatus {...exchange} />
      </td>
      <td className={`px-3 py-2 text-right text-xs tabular-nums text-slate-600 ${wideOnly}`}>
        {formatDuration(exchange.durationMs)}
      </td>
      <td className="py-2 pl-3 pr-6 text-right text-xs text-slate-500">
        <RelativeTime iso={exchange.createdAt} />
      </td>
    </tr>
  );
}
