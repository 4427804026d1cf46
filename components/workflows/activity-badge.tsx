import { Badge } from "@/components/ui/badge";

/** Whether a workflow accepts events: the same words in the list and in the editor. */
export function ActivityBadge({ isActive }: { isActive: boolean }) {
  return <Badge tone={isActive ? "green" : "neutral"}>{isActive ? "Active" : "Inactive"}</Badge>;
}
