import { describe, expect, it } from "vitest";
import { diffHeaders } from "@/lib/exchanges/header-diff";

describe("diffHeaders", () => {
  it("names each header as kept, added, removed or changed, sorted by name", () => {
    const changes = diffHeaders(
      { "content-type": "application/json", "webhook-timestamp": "100", "x-old": "1" },
      { "content-type": "application/json", "webhook-timestamp": "160", "x-new": "2" },
    );

    expect(changes).toEqual([
      { kind: "same", name: "content-type", value: "application/json" },
      { kind: "changed", name: "webhook-timestamp", before: "100", after: "160" },
      { kind: "added", name: "x-new", value: "2" },
      { kind: "removed", name: "x-old", value: "1" },
    ]);
  });

  it("matches names whatever their letter case", () => {
    expect(diffHeaders({ "Content-Type": "text/plain" }, { "content-type": "text/plain" })).toEqual(
      [{ kind: "same", name: "content-type", value: "text/plain" }],
    );
  });

  it("tells an empty value from a missing header", () => {
    expect(diffHeaders({ "x-flag": "" }, {})).toEqual([
      { kind: "removed", name: "x-flag", value: "" },
    ]);
    expect(diffHeaders({}, { "x-flag": "" })).toEqual([
      { kind: "added", name: "x-flag", value: "" },
    ]);
  });
});
