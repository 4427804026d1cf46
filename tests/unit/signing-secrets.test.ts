import { describe, expect, it } from "vitest";
import {
  currentSigningSecret,
  findReplacedSecrets,
  nodeSecretsOf,
  selectSigningSecrets,
  signingSecretOf,
  type RetiredSecret,
} from "../../lib/deliveries/signing-secrets";
import type { Graph, GraphNode } from "../../lib/workflow/graph";

const SECRET_A = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const SECRET_B = "whsec_c2Vjb25kLXNlY3JldC1mb3ItdGVzdHMtMDE=";
const SECRET_C = "whsec_dGhpcmQtc2VjcmV0LWZvci10ZXN0cy0wMDAx";

function send(id: string, secret: string): GraphNode {
  return { id, type: "send-webhook", position: { x: 0, y: 0 }, config: { secret } };
}

function graphOf(...nodes: GraphNode[]): Graph {
  return { nodes, edges: [] };
}

const now = new Date("2026-12-01T12:00:00.000Z");

function retired(id: string, secret: string, expiresInMs: number): RetiredSecret {
  return { id, secret, expiresAt: new Date(now.getTime() + expiresInMs) };
}

describe("signingSecretOf", () => {
  it("reads the secret of a Send webhook node", () => {
    expect(signingSecretOf(graphOf(send("send1", SECRET_A)), "send1")).toBe(SECRET_A);
  });

  it("answers null for a missing node, another node type or a value that is no secret", () => {
    const http: GraphNode = { ...send("http1", SECRET_A), type: "http-request" };
    const graph = graphOf(http, send("send1", ""), send("send2", "hunter2"));

    expect(signingSecretOf(graph, "send9")).toBeNull();
    expect(signingSecretOf(graph, "http1")).toBeNull();
    expect(signingSecretOf(graph, "send1")).toBeNull();
    expect(signingSecretOf(graph, "send2")).toBeNull();
  });
});

describe("findReplacedSecrets", () => {
  it("names the old secret of every node whose secret the new version changes", () => {
    const previous = graphOf(send("send1", SECRET_A), send("send2", SECRET_B));
    const next = graphOf(send("send1", SECRET_C), send("send2", SECRET_B));

    expect(findReplacedSecrets(previous, next)).toEqual([{ nodeId: "send1", secret: SECRET_A }]);
  });

  it("replaces nothing for nodes the new version adds or removes", () => {
    const previous = graphOf(send("send1", SECRET_A));
    const next = graphOf(send("send2", SECRET_B));

    expect(findReplacedSecrets(previous, next)).toEqual([]);
  });

  it("replaces nothing when the secrets are the same", () => {
    const graph = graphOf(send("send1", SECRET_A));

    expect(findReplacedSecrets(graph, graph)).toEqual([]);
  });
});

describe("currentSigningSecret", () => {
  const pinned = nodeSecretsOf(graphOf(send("send1", SECRET_A), send("send2", SECRET_A)));
  const active = nodeSecretsOf(graphOf(send("send1", SECRET_B)));

  it("takes the active version's secret while it still has the node", () => {
    expect(currentSigningSecret("send1", { active, pinned })).toBe(SECRET_B);
  });

  it("falls back to the pinned version when the active one dropped the node or there is none", () => {
    expect(currentSigningSecret("send2", { active, pinned })).toBe(SECRET_A);
    expect(currentSigningSecret("send1", { active: null, pinned })).toBe(SECRET_A);
  });
});

describe("selectSigningSecrets", () => {
  it("puts the current secret first and keeps the retired ones still valid, in order", () => {
    const rows = [retired("r1", SECRET_B, 1000), retired("r2", SECRET_A, 60_000)];

    expect(selectSigningSecrets(SECRET_C, rows, now)).toEqual({
      secrets: [SECRET_C, SECRET_B, SECRET_A],
      expiredIds: [],
    });
  });

  it("leaves out expired secrets, the instant of expiry included, and names their rows", () => {
    const rows = [retired("r1", SECRET_B, 0), retired("r2", SECRET_A, -1000)];

    expect(selectSigningSecrets(SECRET_C, rows, now)).toEqual({
      secrets: [SECRET_C],
      expiredIds: ["r1", "r2"],
    });
  });

  it("signs with each secret once when a retired secret came back as the current one", () => {
    const rows = [retired("r1", SECRET_A, 1000), retired("r2", SECRET_B, 1000)];

    expect(selectSigningSecrets(SECRET_A, rows, now).secrets).toEqual([SECRET_A, SECRET_B]);
  });

  it("answers no secrets when the node has none and none are retired", () => {
    expect(selectSigningSecrets(null, [], now)).toEqual({ secrets: [], expiredIds: [] });
  });
});
