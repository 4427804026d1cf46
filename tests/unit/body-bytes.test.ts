import { describe, expect, it } from "vitest";
import { hexRows, storedBodyBytes } from "@/lib/exchanges/body-bytes";

describe("storedBodyBytes", () => {
  it("decodes a base64 body to the bytes that were sent", () => {
    const bytes = Buffer.from([0x00, 0xff, 0x80, 0x41]);

    expect(Buffer.from(storedBodyBytes(bytes.toString("base64"), "base64")).equals(bytes)).toBe(
      true,
    );
  });

  it("encodes a text body as UTF-8", () => {
    expect(Array.from(storedBodyBytes("é", "utf8"))).toEqual([0xc3, 0xa9]);
  });
});

describe("hexRows", () => {
  it("shows sixteen bytes a row with their offset and printable characters", () => {
    const bytes = new Uint8Array(Array.from({ length: 20 }, (_, index) => 0x3e + index));
    bytes[1] = 0x00;
    bytes[2] = 0x7f;

    expect(hexRows(bytes, 0, 100)).toEqual([
      {
        offset: "00000000",
        hex: "3e 00 7f 41 42 43 44 45 46 47 48 49 4a 4b 4c 4d",
        ascii: ">..ABCDEFGHIJKLM",
      },
      { offset: "00000010", hex: "4e 4f 50 51", ascii: "NOPQ" },
    ]);
  });

  it("starts at an offset and stops after the given count", () => {
    const bytes = new Uint8Array(64);

    const rows = hexRows(bytes, 32, 20);

    expect(rows.map((row) => row.offset)).toEqual(["00000020", "00000030"]);
    expect(rows[1]?.hex).toBe("00 00 00 00");
  });
});
