"use client";

import { useState } from "react";
import { checkSchedule, nextFireTimes } from "@/lib/workflow/schedule-times";

const PREVIEW_COUNT = 5;

/**
 * The next five times a Schedule trigger fires, written in its own time zone, so the cron can
 * be checked before it is published. Nothing shows while the settings are invalid: the form
 * says why.
 */
export function SchedulePreview({ cron, timezone }: { cron: unknown; timezone: unknown }) {
  const [openedAt] = useState(() => new Date());
  const cronText = typeof cron === "string" ? cron.trim() : "";
  const zone = typeof timezone === "string" && timezone.trim() !== "" ? timezone.trim() : "UTC";
  if (!checkSchedule(cronText, zone).ok) return null;

  const format = new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  });
  const times = nextFireTimes(cronText, zone, openedAt, PREVIEW_COUNT);

  return (
    <section
      aria-labelledby="schedule-preview-title"
      className="rounded-lg border border-slate-200 px-3 py-2.5"
    >
      <h3 id="schedule-preview-title" className="text-xs font-semibold text-slate-700">
        Next {PREVIEW_COUNT} runs <span className="font-normal text-slate-500">({zone})</span>
      </h3>
      <ol
        aria-label="Next run times"
        className="mt-1.5 space-y-1 text-xs tabular-nums text-slate-700"
      >
        {times.map((time) => (
          <li key={time.toISOString()}>
            <time dateTime={time.toISOString()}>{format.format(time)}</time>
          </li>
        ))}
      </ol>
      <p className="mt-2 text-[11px] text-slate-500">
        Only the active workflow&apos;s published version runs on its schedule.
      </p>
    </section>
  );
}
