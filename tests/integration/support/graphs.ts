import type { Graph } from "@/lib/workflow/graph";

export const TEST_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

/** Webhook trigger → HTTP request → Send webhook, the product's signature workflow. */
export function orderGraph(apiUrl: string, hookUrl: string): Graph {
  return {
    nodes: [
      { id: "webhook1", type: "webhook-trigger", position: { x: 0, y: 0 }, config: {} },
      {
        id: "http1",
        type: "http-request",
        position: { x: 0, y: 150 },
        config: {
          method: "POST",
          url: `${apiUrl}/fulfil`,
          headers: { authorization: "Bearer api-credential-123" },
          query: {},
          body: '{"order": "{{trigger.body.order.id}}"}',
          timeoutMs: 5000,
        },
      },
      {
        id: "send1",
        type: "send-webhook",
        position: { x: 0, y: 300 },
        config: {
          url: `${hookUrl}/hook`,
          eventType: "order.fulfilled",
          payload:
            '{"order": "{{trigger.body.order.id}}", "shipment": "{{steps.http1.response.body.shipment}}"}',
          headers: {},
          secret: TEST_SECRET,
          timeoutMs: 5000,
        },
      },
    ],
    edges: [
      { id: "e1", source: "webhook1", target: "http1" },
      { id: "e2", source: "http1", target: "send1" },
    ],
  };
}

/** A graph with a node that no trigger reaches: saved fine, never activated. */
export function unconnectedGraph(): Graph {
  return {
    nodes: [
      { id: "webhook1", type: "webhook-trigger", position: { x: 0, y: 0 }, config: {} },
      {
        id: "http1",
        type: "http-request",
        position: { x: 0, y: 150 },
        config: {
          method: "GET",
          url: "https://example.com",
          headers: {},
          query: {},
          body: "",
          timeoutMs: 1000,
        },
      },
    ],
    edges: [],
  };
}
