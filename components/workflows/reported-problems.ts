import { z } from "zod";
import { ApiError } from "@/lib/client/api-fetch";

/** What the editor shows of a problem the server reported when it refused to activate. */
export type ReportedProblem = { message: string; nodeId?: string };

const graphInvalidDetailsSchema = z.object({
  problems: z.array(z.object({ message: z.string(), nodeId: z.string().optional() })),
});

/**
 * The problems behind a refused activation, or null when the error is of another kind. The
 * details arrive as unknown JSON, so they are parsed rather than trusted.
 */
export function readActivationProblems(error: unknown): ReportedProblem[] | null {
  if (!(error instanceof ApiError) || error.code !== "graph_invalid") return null;
  const parsed = graphInvalidDetailsSchema.safeParse(error.details);
  return parsed.success ? parsed.data.problems : [];
}

/** "1 problem", "3 problems". */
export function countProblems(count: number): string {
  return `${count} ${count === 1 ? "problem" : "problems"}`;
}
