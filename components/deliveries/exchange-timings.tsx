import { formatDuration } from "../ui/format";

type ExchangeTimingsProps = {
  connectMs: number | null;
  firstByteMs: number | null;
  durationMs: number;
};

type Phase = { name: string; startMs: number; endMs: number; color: string };

const phaseTitles: Record<string, string> = {
  connect: "Connecting",
  wait: "Waiting for the first byte",
  rest: "The rest of the exchange",
};

/**
 * Where an exchange's time went: connecting, waiting for the first byte of the answer and
 * reading the rest, each as a share of a bar. Phases that were not measured are left out, so
 * an inbound exchange shows only its total.
 */
export function ExchangeTimings({ connectMs, firstByteMs, durationMs }: ExchangeTimingsProps) {
  const phases = timingPhases(connectMs, firstByteMs, durationMs);
  const totalMs = Math.max(durationMs, 1);

  return (
    <div role="group" aria-label="Timings" className="space-y-2">
      <div aria-hidden className="flex h-2 overflow-hidden rounded-full bg-slate-100">
        {phases.map((phase) => (
          <div
            key={phase.name}
            className={phase.color}
            title={`${phaseTitles[phase.name] ?? phase.name}: ${formatDuration(phase.endMs - phase.startMs)}`}
            style={{ width: `${((phase.endMs - phase.startMs) / totalMs) * 100}%` }}
          />
        ))}
      </div>
      <dl className="flex flex-wrap gap-x-5 gap-y-1 text-xs">
        {connectMs !== null ? (
          <Timing term="Connect" valueMs={connectMs} color="bg-sky-400" />
        ) : null}
        {firstByteMs !== null ? (
          <Timing term="First byte" valueMs={firstByteMs} color="bg-indigo-400" />
        ) : null}
        <Timing
          term="Total"
          valueMs={durationMs}
          color={phases.length > 1 ? null : "bg-slate-400"}
        />
      </dl>
    </div>
  );
}

function Timing({ term, valueMs, color }: { term: string; valueMs: number; color: string | null }) {
  return (
    <div className="flex items-center gap-1.5">
      {color ? <span aria-hidden className={`h-2 w-2 rounded-full ${color}`} /> : null}
      <dt className="text-slate-500">{term}</dt>
      <dd className="font-medium tabular-nums text-slate-800">{formatDuration(valueMs)}</dd>
    </div>
  );
}

function timingPhases(connectMs: number | null, firstByteMs: number | null, durationMs: number) {
  const phases: Phase[] = [];
  let startMs = 0;
  if (connectMs !== null) {
    phases.push({ name: "connect", startMs, endMs: connectMs, color: "bg-sky-400" });
    startMs = connectMs;
  }
  if (firstByteMs !== null) {
    phases.push({ name: "wait", startMs, endMs: firstByteMs, color: "bg-indigo-400" });
    startMs = firstByteMs;
  }
  const restColor = phases.length > 0 ? "bg-emerald-400" : "bg-slate-400";
  phases.push({ name: "rest", startMs, endMs: Math.max(startMs, durationMs), color: restColor });
  return phases;
}
