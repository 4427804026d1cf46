import type { DeliveryStatus, RunStatus, StepStatus } from "@/lib/api/views";
import { Badge, type Tone } from "../ui/badge";

const runTones: Record<RunStatus | StepStatus, Tone> = {
  queued: "neutral",
  running: "blue",
  succeeded: "green",
  failed: "red",
  skipped: "neutral",
  waiting: "violet",
};

const deliveryTones: Record<DeliveryStatus, Tone> = {
  pending: "amber",
  delivered: "green",
  failed: "red",
};

const labels: Record<RunStatus | StepStatus | DeliveryStatus, string> = {
  queued: "Queued",
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
  pending: "Pending",
  delivered: "Delivered",
  skipped: "Skipped",
  waiting: "Waiting",
};

/** The status of a run or of one of its steps (steps share the run's words). */
export function RunStatusBadge({ status }: { status: RunStatus | StepStatus }) {
  return <Badge tone={runTones[status]}>{labels[status]}</Badge>;
}

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  return <Badge tone={deliveryTones[status]}>{labels[status]}</Badge>;
}
