import { describe, expect, it } from "vitest";
import { checkConnection, type ConnectionEdge } from "../../lib/workflow/check-connection";

const nodes = [
  { id: "webhook1", type: "webhook-trigger" },
  { id: "http1", type: "http-request" },
  { id: "http2", type: "http-request" },
  { id: "send1", type: "send-webhook" },
];

const chain: ConnectionEdge[] = [
  { source: "webhook1", target: "http1" },
  { source: "http1", target: "http2" },
];

describe("checkConnection", () => {
  it("allows an edge to a step that does not lead back", () => {
    expect(checkConnection(nodes, chain, { source: "http2", target: "send1" })).toEqual({
      ok: true,
    });
  });

  it("refuses an edge from a step to itself", () => {
    const check = checkConnection(nodes, chain, { source: "http1", target: "http1" });
    expect(check).toMatchObject({ ok: false, reason: "self_loop" });
  });

  it("refuses an edge into a trigger", () => {
    const check = checkConnection(nodes, chain, { source: "http2", target: "webhook1" });
    expect(check).toMatchObject({ ok: false, reason: "into_trigger" });
  });

  it("refuses a second edge between the same ends", () => {
    const check = checkConnection(nodes, chain, { source: "webhook1", target: "http1" });
    expect(check).toMatchObject({ ok: false, reason: "duplicate" });
  });

  it("refuses an edge that closes a loop, however long, and says which way it leads back", () => {
    const edges = [...chain, { source: "http2", target: "send1" }];
    const check = checkConnection(nodes, edges, { source: "send1", target: "http1" });
    expect(check).toEqual({
      ok: false,
      reason: "cycle",
      message: "http1 already leads back to send1; workflows cannot loop.",
    });
  });

  it("treats the output an edge leaves from as part of its identity", () => {
    const branches: ConnectionEdge[] = [{ source: "http1", target: "send1", sourceHandle: "true" }];
    expect(
      checkConnection(nodes, branches, { source: "http1", target: "send1", sourceHandle: "false" }),
    ).toEqual({ ok: true });
    expect(
      checkConnection(nodes, branches, { source: "http1", target: "send1", sourceHandle: "true" }),
    ).toMatchObject({ ok: false, reason: "duplicate" });
  });

  it("refuses an end that is not on the canvas", () => {
    const check = checkConnection(nodes, chain, { source: "http1", target: "gone1" });
    expect(check).toMatchObject({ ok: false, reason: "unknown_node" });
  });
});
