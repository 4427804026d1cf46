import type { ExchangeView } from "@/lib/api/views";

/** Why no usable answer came, as the log records it. */
export type ExchangeFailure = "timeout" | "refused" | "connection" | "signature" | "other";

/**
 * An exchange as the inspector reads it. The timing split, the step's name, the message id and
 * the failure reason come from servers that record them; older ones answer without them.
 */
export type InspectedExchange = ExchangeView & {
  connectMs?: number | null;
  firstByteMs?: number | null;
  stepName?: string | null;
  messageId?: string | null;
  failure?: ExchangeFailure | null;
};
