import { describe, expect, it } from "vitest";
import { executeDelay } from "../../lib/engine/executors/execute-delay";
import { builtInRedactionRules } from "../../lib/redaction/redaction-rules";
import { validateNodeConfig } from "../../lib/workflow/validate-node-config";

const env = {
  policy: { allowPrivateNetworks: false },
  maxResponseBytes: 0,
  redaction: () => builtInRedactionRules(0),
  now: () => new Date("2026-03-01T12:00:00.000Z"),
};

describe("the Delay config", () => {
  it("accepts from one second up to 30 days", () => {
    expect(validateNodeConfig("delay", { amount: 1, unit: "seconds" }).ok).toBe(true);
    expect(validateNodeConfig("delay", { amount: 30, unit: "days" }).ok).toBe(true);
    expect(validateNodeConfig("delay", { amount: 720, unit: "hours" }).ok).toBe(true);
  });

  it("refuses longer waits, zero and fractions", () => {
    expect(validateNodeConfig("delay", { amount: 721, unit: "hours" })).toEqual({
      ok: false,
      issues: [{ field: "amount", message: "A delay can be at most 30 days" }],
    });
    expect(validateNodeConfig("delay", { amount: 0, unit: "seconds" }).ok).toBe(false);
    expect(validateNodeConfig("delay", { amount: 1.5, unit: "minutes" }).ok).toBe(false);
  });
});

describe("a Delay step", () => {
  it("asks to wait until now plus its duration, by the injected clock", async () => {
    const node = {
      id: "delay1",
      type: "delay",
      position: { x: 0, y: 0 },
      config: { amount: 2, unit: "hours" },
    };
    const result = await executeDelay(node, { trigger: null, steps: {} }, env);
    expect(result.waitUntil?.toISOString()).toBe("2026-03-01T14:00:00.000Z");
    expect(result.output).toEqual({ waitUntil: "2026-03-01T14:00:00.000Z" });
  });
});
