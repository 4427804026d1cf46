import { describe, expect, it } from "vitest";
import { parseConfig } from "../../lib/env";

const cwd = "/srv/switchyard";

describe("SWITCHYARD_SECRET_GRACE_MS", () => {
  it("keeps a replaced signing secret for a day unless set", () => {
    expect(parseConfig({}, cwd).secretGraceMs).toBe(86_400_000);
  });

  it("accepts zero, which ends the old secret at activation", () => {
    expect(parseConfig({ SWITCHYARD_SECRET_GRACE_MS: "0" }, cwd).secretGraceMs).toBe(0);
  });

  it("refuses negative and fractional values", () => {
    expect(() => parseConfig({ SWITCHYARD_SECRET_GRACE_MS: "-1" }, cwd)).toThrow(
      /SWITCHYARD_SECRET_GRACE_MS/,
    );
    expect(() => parseConfig({ SWITCHYARD_SECRET_GRACE_MS: "1.5" }, cwd)).toThrow(
      /SWITCHYARD_SECRET_GRACE_MS/,
    );
  });
});
