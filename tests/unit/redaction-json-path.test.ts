import { describe, expect, it } from "vitest";
import { isSingleName, parseJsonPath } from "../../lib/redaction/json-path";

function segmentsOf(text: string) {
  const parsed = parseJsonPath(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.path.segments;
}

describe("the body path syntax", () => {
  it("reads dotted names as keys, one level each", () => {
    expect(segmentsOf("card.number")).toEqual([
      { kind: "key", name: "card" },
      { kind: "key", name: "number" },
    ]);
  });

  it("reads *, [*] and ** as any key, any element and any depth", () => {
    expect(segmentsOf("user.*.ssn")).toEqual([
      { kind: "key", name: "user" },
      { kind: "anyKey" },
      { kind: "key", name: "ssn" },
    ]);
    expect(segmentsOf("items[*].token")).toEqual([
      { kind: "key", name: "items" },
      { kind: "anyElement" },
      { kind: "key", name: "token" },
    ]);
    expect(segmentsOf("**.password")).toEqual([
      { kind: "anyDepth" },
      { kind: "key", name: "password" },
    ]);
    expect(segmentsOf("matrix[*][*]")).toEqual([
      { kind: "key", name: "matrix" },
      { kind: "anyElement" },
      { kind: "anyElement" },
    ]);
  });

  it("keeps names with dashes, digits and letter case as written", () => {
    expect(segmentsOf("X-Card_2")).toEqual([{ kind: "key", name: "X-Card_2" }]);
  });

  it.each([
    ["", "empty"],
    ["card..number", "empty name"],
    [".card", "empty name"],
    ["card.", "empty name"],
    ["card.**", "cannot end with **"],
    ["**", "cannot end with **"],
    ["ca*rd", '"ca*rd" is not a name'],
    ["items[0]", '"items[0]" is not a name'],
    ["items[*", '"items[*" is not a name'],
    ["has space", '"has space" is not a name'],
    ["***", '"***" is not a name'],
  ])("refuses %j and says why", (text, words) => {
    const parsed = parseJsonPath(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toContain(words);
  });

  it("refuses paths over 200 characters", () => {
    expect(parseJsonPath("a".repeat(200)).ok).toBe(true);
    expect(parseJsonPath("a".repeat(201)).ok).toBe(false);
  });

  it("tells a single plain name from a path", () => {
    const single = parseJsonPath("card");
    const nested = parseJsonPath("card.number");
    const wildcard = parseJsonPath("*");
    expect(single.ok && isSingleName(single.path)).toBe(true);
    expect(nested.ok && isSingleName(nested.path)).toBe(false);
    expect(wildcard.ok && isSingleName(wildcard.path)).toBe(false);
  });
});
