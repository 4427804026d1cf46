import { isIP } from "node:net";

/**
 * Parses an IP address in its canonical text form into its bytes: 4 for IPv4, 16 for IPv6.
 * Returns null for anything `node:net` does not accept as an IP address, including the
 * shorthand IPv4 spellings (`127.1`, `0x7f000001`) that only URL parsers expand. A zone
 * suffix (`fe80::1%eth0`) is ignored.
 *
 * @example
 * parseIpAddress("::ffff:10.0.0.1"); // Uint8Array(16) [0, ..., 255, 255, 10, 0, 0, 1]
 */
export function parseIpAddress(ip: string): Uint8Array | null {
  const version = isIP(ip);
  if (version === 4) return parseIpv4(ip);
  if (version === 6) return parseIpv6(ip);
  return null;
}

function parseIpv4(ip: string): Uint8Array | null {
  const octets = ip.split(".").map(Number);
  const isValid = octets.length === 4 && octets.every((o) => Number.isInteger(o) && o <= 255);
  return isValid ? Uint8Array.from(octets) : null;
}

function parseIpv6(ip: string): Uint8Array | null {
  const address = withHexTail(ip.split("%")[0] ?? "");
  if (address === null) return null;

  const halves = address.split("::");
  if (halves.length > 2) return null;
  const head = splitGroups(halves[0] ?? "");
  const tail = halves.length === 2 ? splitGroups(halves[1] ?? "") : [];
  const elided = 8 - head.length - tail.length;
  if (halves.length === 2 ? elided < 1 : elided !== 0) return null;

  const groups = [...head, ...Array<string>(elided).fill("0"), ...tail];
  if (!groups.every((group) => /^[0-9a-fA-F]{1,4}$/.test(group))) return null;
  return Uint8Array.from(
    groups.flatMap((group) => {
      const value = Number.parseInt(group, 16);
      return [value >> 8, value & 0xff];
    }),
  );
}

/** Rewrites a dotted IPv4 tail (`::ffff:1.2.3.4`) as two hex groups (`::ffff:102:304`). */
function withHexTail(address: string): string | null {
  const lastColon = address.lastIndexOf(":");
  const last = address.slice(lastColon + 1);
  if (!last.includes(".")) return address;

  const octets = parseIpv4(last);
  if (octets === null) return null;
  const [a = 0, b = 0, c = 0, d = 0] = octets;
  const hexTail = `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  return address.slice(0, lastColon + 1) + hexTail;
}

function splitGroups(part: string): string[] {
  return part === "" ? [] : part.split(":");
}
