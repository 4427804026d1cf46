"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import type { ExchangeView } from "@/lib/api/views";
import { previousAttemptQueryOptions } from "@/lib/client/previous-attempt-query";
import { Button } from "../ui/button";

/** The shareable page comparing two exchanges, the earlier one first. */
export function compareHref(beforeId: string, afterId: string): string {
  const search = new URLSearchParams({ before: beforeId, after: afterId });
  return `/deliveries/compare?${search.toString()}`;
}

/**
 * "Compare with…": the attempt before this one, the exchange this one replays, or any
 * exchange by id, each opening the comparison with the other exchange as the earlier side.
 */
export function CompareMenu({ exchange }: { exchange: ExchangeView }) {
  const [isOpen, setIsOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!isOpen) return;
    // Escape closes the menu before the inspector around it, which closes on Escape too.
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      event.preventDefault();
      setIsOpen(false);
    }
    function onPointerDown(event: PointerEvent) {
      if (event.target instanceof Node && !menuRef.current?.contains(event.target)) {
        setIsOpen(false);
      }
    }
    document.addEventListener("keydown", onKeyDown, { capture: true });
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown, { capture: true });
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, [isOpen]);

  return (
    <div ref={menuRef} className="relative">
      <Button aria-expanded={isOpen} onClick={() => setIsOpen((value) => !value)}>
        Compare with…
      </Button>
      {isOpen ? <CompareChoices exchange={exchange} /> : null}
    </div>
  );
}

function CompareChoices({ exchange }: { exchange: ExchangeView }) {
  const router = useRouter();
  const previous = useQuery(previousAttemptQueryOptions(exchange));
  const [otherId, setOtherId] = useState("");
  const previousId = previous.data?.id ?? null;

  function compareWithPasted(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const id = otherId.trim();
    if (id) router.push(compareHref(id, exchange.id));
  }

  return (
    <div className="absolute right-0 z-10 mt-2 w-80 space-y-3 rounded-lg bg-white p-3 text-sm shadow-lg ring-1 ring-slate-200">
      <ul className="space-y-1.5">
        {previousId ? (
          <CompareLink href={compareHref(previousId, exchange.id)}>
            the previous attempt (#{previous.data?.attempt})
          </CompareLink>
        ) : null}
        {exchange.replayOfId && exchange.replayOfId !== previousId ? (
          <CompareLink href={compareHref(exchange.replayOfId, exchange.id)}>
            the exchange this replays
          </CompareLink>
        ) : null}
        {previous.isLoading ? (
          <li className="text-xs text-slate-500">Looking for the previous attempt…</li>
        ) : null}
      </ul>
      <form onSubmit={compareWithPasted} className="flex items-end gap-2">
        <label className="min-w-0 flex-1 text-xs font-medium text-slate-600">
          Exchange id
          <input
            value={otherId}
            onChange={(event) => setOtherId(event.target.value)}
            placeholder="Paste an exchange id"
            className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 font-mono text-xs text-slate-900 placeholder:font-sans placeholder:text-slate-400"
          />
        </label>
        <Button type="submit" disabled={otherId.trim() === ""}>
          Compare
        </Button>
      </form>
    </div>
  );
}

function CompareLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <li>
      <Link href={href} className="font-medium text-indigo-600 hover:text-indigo-500">
        Compare with {children}
      </Link>
    </li>
  );
}
