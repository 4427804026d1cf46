import type { Graph, GraphEdge, GraphNode } from "./graph";
import { layOutLayers } from "./layered-layout";
import { isTriggerType } from "./node-types";

/**
 * A ready-made workflow a person can start from: a complete graph with placeholder hosts under
 * example.com whose templates read a typical event, so the way data flows is plain to see.
 */
export type WorkflowStarter = {
  /** Stable identifier the API takes, e.g. "order-fulfilment". */
  id: string;
  title: string;
  /** One line on what the workflow does. */
  description: string;
  /** The steps in the order they run, as the gallery lists them. */
  steps: readonly string[];
  /** A trigger body the templates are written against; the gallery shows it as an example. */
  sampleEvent: unknown;
  /** Nodes without positions; `buildStarterGraph` lays them out. */
  nodes: readonly StarterNode[];
  edges: readonly GraphEdge[];
};

type StarterNode = Omit<GraphNode, "position">;

/** Send webhook nodes need a signing secret of their own, made fresh for each new workflow. */
type NewSigningSecret = () => string;

/** The room the editor's auto-layout leaves for a node card, so starters open laid out alike. */
const starterSpacing = { nodeWidth: 240, nodeHeight: 64, columnGap: 90, rowGap: 48 };

const jsonHeaders = { "content-type": "application/json" };

const orderFulfilment: WorkflowStarter = {
  id: "order-fulfilment",
  title: "Order created → fulfilment API → webhook",
  description: "Sends each new order to a fulfilment API, then notifies a shop system by webhook.",
  steps: ["Webhook trigger", "HTTP request: create the shipment", "Send webhook: order.fulfilled"],
  sampleEvent: {
    order: {
      id: "ord_1042",
      customer: { email: "ada@example.com" },
      items: [{ sku: "BOOK-7", quantity: 2 }],
      shippingAddress: { city: "Leeds", country: "GB" },
    },
  },
  nodes: [
    { id: "webhook1", type: "webhook-trigger", config: {} },
    {
      id: "http1",
      type: "http-request",
      config: {
        method: "POST",
        url: "https://fulfilment.example.com/api/shipments",
        headers: jsonHeaders,
        query: {},
        body: json({
          orderId: "{{trigger.body.order.id}}",
          items: "{{trigger.body.order.items}}",
          shipTo: "{{trigger.body.order.shippingAddress}}",
        }),
        timeoutMs: 10_000,
        retries: 2,
        retryBackoffMs: 1000,
      },
    },
    {
      id: "send1",
      type: "send-webhook",
      config: {
        url: "https://shop.example.com/webhooks/fulfilment",
        eventType: "order.fulfilled",
        payload: json({
          orderId: "{{trigger.body.order.id}}",
          customer: "{{trigger.body.order.customer.email}}",
          shipment: "{{steps.http1.response.body}}",
        }),
        headers: {},
        timeoutMs: 15_000,
        retrySchedule: "",
      },
    },
  ],
  edges: [edge("webhook1", "http1"), edge("http1", "send1")],
};

const crmSync: WorkflowStarter = {
  id: "crm-sync",
  title: "New user → sync to CRM",
  description: "Reshapes each new user into a CRM contact and creates or updates it there.",
  steps: ["Webhook trigger", "Transform: user to contact", "HTTP request: upsert the contact"],
  sampleEvent: {
    user: {
      id: "usr_301",
      email: "grace@example.com",
      firstName: "Grace",
      lastName: "Hopper",
      plan: "team",
      createdAt: "2026-03-02T09:30:00Z",
    },
  },
  nodes: [
    { id: "webhook1", type: "webhook-trigger", config: {} },
    {
      id: "transform1",
      type: "transform",
      config: {
        expression: [
          "{",
          '  "email": trigger.body.user.email,',
          '  "name": trigger.body.user.firstName & " " & trigger.body.user.lastName,',
          '  "plan": trigger.body.user.plan,',
          '  "signedUpAt": trigger.body.user.createdAt',
          "}",
        ].join("\n"),
      },
    },
    {
      id: "http1",
      type: "http-request",
      config: {
        method: "PUT",
        url: "https://crm.example.com/api/contacts/{{trigger.body.user.id}}",
        headers: jsonHeaders,
        query: {},
        body: json({ contact: "{{steps.transform1}}" }),
        timeoutMs: 10_000,
        retries: 2,
        retryBackoffMs: 1000,
      },
    },
  ],
  edges: [edge("webhook1", "transform1"), edge("transform1", "http1")],
};

const fanOut: WorkflowStarter = {
  id: "fan-out",
  title: "Data changed → fan out to three systems",
  description: "Passes each change to a search index, a data warehouse and a partner's webhook.",
  steps: [
    "Webhook trigger",
    "HTTP request: update the search index",
    "HTTP request: load into the warehouse",
    "Send webhook: record.changed",
  ],
  sampleEvent: {
    record: { id: "rec_88", kind: "product", changedFields: ["price"], price: 19.9 },
    changedAt: "2026-03-02T10:00:00Z",
  },
  nodes: [
    { id: "webhook1", type: "webhook-trigger", config: {} },
    {
      id: "http1",
      type: "http-request",
      config: {
        method: "PUT",
        url: "https://search.example.com/indexes/records/{{trigger.body.record.id}}",
        headers: jsonHeaders,
        query: {},
        body: json({ document: "{{trigger.body.record}}" }),
        timeoutMs: 10_000,
        retries: 2,
        retryBackoffMs: 1000,
      },
    },
    {
      id: "http2",
      type: "http-request",
      config: {
        method: "POST",
        url: "https://warehouse.example.com/api/changes",
        headers: jsonHeaders,
        query: { table: "{{trigger.body.record.kind}}" },
        body: json({
          recordId: "{{trigger.body.record.id}}",
          fields: "{{trigger.body.record.changedFields}}",
          at: "{{trigger.body.changedAt}}",
        }),
        timeoutMs: 10_000,
        retries: 2,
        retryBackoffMs: 1000,
      },
    },
    {
      id: "send1",
      type: "send-webhook",
      config: {
        url: "https://partner.example.com/webhooks/records",
        eventType: "record.changed",
        payload: json({
          record: "{{trigger.body.record}}",
          changedAt: "{{trigger.body.changedAt}}",
        }),
        headers: {},
        timeoutMs: 15_000,
        retrySchedule: "",
      },
    },
  ],
  edges: [edge("webhook1", "http1"), edge("webhook1", "http2"), edge("webhook1", "send1")],
};

/** Every starter, in the order the gallery shows them. */
export const workflowStarters: readonly WorkflowStarter[] = [orderFulfilment, crmSync, fanOut];

/** Looks up a starter by its id. */
export function getWorkflowStarter(id: string): WorkflowStarter | undefined {
  return workflowStarters.find((starter) => starter.id === id);
}

/**
 * The starter's graph, laid out in columns from its trigger, with a new signing secret in each
 * Send webhook node so the graph is valid as it is.
 *
 * @example buildStarterGraph(getWorkflowStarter("crm-sync")!, generateSigningSecret)
 */
export function buildStarterGraph(starter: WorkflowStarter, newSecret: NewSigningSecret): Graph {
  const layoutNodes = starter.nodes.map((node) => ({
    id: node.id,
    position: { x: 0, y: 0 },
    isTrigger: isTriggerType(node.type),
  }));
  const positions = layOutLayers(layoutNodes, starter.edges, starterSpacing);

  const nodes = starter.nodes.map((node) => ({
    ...node,
    position: positions.get(node.id) ?? { x: 0, y: 0 },
    config: node.type === "send-webhook" ? { ...node.config, secret: newSecret() } : node.config,
  }));
  return { nodes, edges: starter.edges.map((graphEdge) => ({ ...graphEdge })) };
}

function edge(source: string, target: string): GraphEdge {
  return { id: `${source}-${target}`, source, target };
}

/** Pretty JSON, as a person would type it into the body field. */
function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
