import type { Graph } from "../workflow/graph";
import { validateGraph } from "../workflow/validate-graph";
import {
  parseInboundMethods,
  webhookTriggerConfigSchema,
  type WebhookTriggerConfig,
} from "../workflow/webhook-trigger-node-type";
import { parseStoredGraph } from "../workflows/stored-graph";

/** What ingest needs from a graph: its Webhook trigger's settings and whether it is valid. */
export type TriggerSettings = {
  /** Null when the graph has no Webhook trigger. */
  trigger: { nodeId: string; config: WebhookTriggerConfig; methods: ReadonlySet<string> } | null;
  isGraphValid: boolean;
};

/** Reads a graph's Webhook trigger. Settings that do not parse count as an invalid graph. */
export function triggerSettingsOf(graph: Graph): TriggerSettings {
  const node = graph.nodes.find((candidate) => candidate.type === "webhook-trigger");
  const isGraphValid = validateGraph(graph).length === 0;
  if (!node) return { trigger: null, isGraphValid };
  const parsed = webhookTriggerConfigSchema.safeParse(node.config);
  if (!parsed.success) return { trigger: null, isGraphValid: false };
  const methods = parseInboundMethods(parsed.data.methods);
  return {
    trigger: {
      nodeId: node.id,
      config: parsed.data,
      methods: new Set(methods.ok ? methods.methods : ["POST"]),
    },
    isGraphValid,
  };
}

// Versions never change once written, so their settings are parsed once per process. The cache
// is small and starts over when full: a miss costs one query and one parse.
const maxCachedVersions = 1_000;
const versions = new Map<string, TriggerSettings>();

/** The settings of a version, from the cache or parsed from `graphText` via `load`. */
export async function versionSettings(
  versionId: string,
  load: () => Promise<string | null>,
): Promise<TriggerSettings> {
  const cached = versions.get(versionId);
  if (cached) return cached;
  const graphText = await load();
  const settings: TriggerSettings =
    graphText === null
      ? { trigger: null, isGraphValid: false }
      : triggerSettingsOf(parseStoredGraph(graphText));
  if (versions.size >= maxCachedVersions) versions.clear();
  versions.set(versionId, settings);
  return settings;
}
