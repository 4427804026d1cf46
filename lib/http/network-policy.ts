import { parseIpAddress } from "./ip-address";

/**
 * Which destinations outbound requests may reach. Production keeps `allowPrivateNetworks`
 * false; local development and tests opt in to reach servers on loopback or a LAN.
 */
export type NetworkPolicy = { allowPrivateNetworks: boolean };

/** The kind of network an IP address belongs to, as far as the SSRF guard cares. */
export type AddressClass =
  | "public"
  | "loopback"
  | "private"
  | "link-local"
  | "cgnat"
  | "unique-local"
  | "metadata"
  | "unspecified"
  | "multicast"
  | "reserved";

type Prefix = { bytes: Uint8Array; length: number };
type AddressRange = Prefix & { addressClass: AddressClass };

// First match wins, so single addresses come before the ranges that contain them.
const IPV4_RANGES: readonly AddressRange[] = [
  range("0.0.0.0/8", "unspecified"), // "this network"; Linux connects 0.0.0.0 to the local host
  range("10.0.0.0/8", "private"),
  range("100.100.100.200/32", "metadata"), // Alibaba Cloud
  range("100.64.0.0/10", "cgnat"),
  range("127.0.0.0/8", "loopback"),
  range("168.63.129.16/32", "metadata"), // Azure host endpoint, publicly numbered
  range("169.254.169.254/32", "metadata"), // AWS, GCP, Azure, Oracle, DigitalOcean and others
  range("169.254.0.0/16", "link-local"),
  range("172.16.0.0/12", "private"),
  range("192.0.0.0/24", "reserved"), // IETF protocol assignments
  range("192.0.2.0/24", "reserved"), // documentation
  range("192.88.99.0/24", "reserved"), // retired 6to4 relays
  range("192.168.0.0/16", "private"),
  range("198.18.0.0/15", "reserved"), // benchmarking
  range("198.51.100.0/24", "reserved"), // documentation
  range("203.0.113.0/24", "reserved"), // documentation
  range("224.0.0.0/4", "multicast"),
  range("240.0.0.0/4", "reserved"), // includes the broadcast address
];

const IPV6_RANGES: readonly AddressRange[] = [
  range("::/128", "unspecified"),
  range("::1/128", "loopback"),
  range("64:ff9b:1::/48", "private"), // local-use NAT64
  range("100::/64", "reserved"), // discard-only
  range("2001::/23", "reserved"), // IETF protocol assignments, Teredo among them
  range("2001:db8::/32", "reserved"), // documentation
  range("3fff::/20", "reserved"), // documentation
  range("fd00:ec2::254/128", "metadata"), // AWS over IPv6
  range("fc00::/7", "unique-local"),
  range("fe80::/10", "link-local"),
  range("fec0::/10", "private"), // deprecated site-local
  range("ff00::/8", "multicast"),
  range("2000::/3", "public"),
];

// Prefixes whose addresses carry an IPv4 address that decides where traffic really goes.
const IPV4_MAPPED = prefix("::ffff:0:0/96");
const NAT64 = prefix("64:ff9b::/96");
const SIX_TO_FOUR = prefix("2002::/16");

// Never useful as a destination, so opening private networks does not open these.
const NEVER_ALLOWED: ReadonlySet<AddressClass> = new Set(["unspecified", "multicast", "reserved"]);

/**
 * Classifies an IP address in canonical text form, IPv4 or IPv6. An IPv6 address that embeds
 * an IPv4 one (IPv4-mapped `::ffff:a.b.c.d`, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`) takes the
 * class of the IPv4 address, since that is where packets end up. Anything that is not an IP
 * address, and IPv6 space outside global unicast, counts as `reserved`.
 *
 * @example
 * classifyAddress("::ffff:10.0.0.1"); // "private"
 * classifyAddress("169.254.169.254"); // "metadata"
 */
export function classifyAddress(ip: string): AddressClass {
  const bytes = parseIpAddress(ip);
  if (bytes === null) return "reserved";
  return bytes.length === 4 ? classifyBytes(bytes, IPV4_RANGES, "public") : classifyIpv6(bytes);
}

/**
 * Whether the guard lets a request connect to `ip`. Public addresses are always allowed.
 * `allowPrivateNetworks` opens loopback, private, link-local, carrier-grade NAT, unique-local
 * and cloud metadata addresses alike: it is meant for development and tests, where keeping
 * metadata apart would add a rule nobody needs. Unspecified, multicast and reserved addresses
 * stay refused under either policy.
 */
export function isAddressAllowed(ip: string, policy: NetworkPolicy): boolean {
  const addressClass = classifyAddress(ip);
  if (addressClass === "public") return true;
  return policy.allowPrivateNetworks && !NEVER_ALLOWED.has(addressClass);
}

function classifyIpv6(bytes: Uint8Array): AddressClass {
  const embedded = embeddedIpv4(bytes);
  if (embedded !== null) return classifyBytes(embedded, IPV4_RANGES, "public");
  return classifyBytes(bytes, IPV6_RANGES, "reserved");
}

function embeddedIpv4(bytes: Uint8Array): Uint8Array | null {
  if (isInRange(bytes, IPV4_MAPPED) || isInRange(bytes, NAT64)) return bytes.subarray(12, 16);
  if (isInRange(bytes, SIX_TO_FOUR)) return bytes.subarray(2, 6);
  return null;
}

function classifyBytes(
  bytes: Uint8Array,
  ranges: readonly AddressRange[],
  fallback: AddressClass,
): AddressClass {
  return ranges.find((candidate) => isInRange(bytes, candidate))?.addressClass ?? fallback;
}

function isInRange(address: Uint8Array, { bytes, length }: Prefix): boolean {
  if (address.length !== bytes.length) return false;

  for (let bit = 0; bit < length; bit += 8) {
    const mask = (0xff << (8 - Math.min(8, length - bit))) & 0xff;
    const index = bit / 8;
    if (((address[index] ?? 0) & mask) !== ((bytes[index] ?? 0) & mask)) return false;
  }
  return true;
}

function range(cidr: string, addressClass: AddressClass): AddressRange {
  return { ...prefix(cidr), addressClass };
}

function prefix(cidr: string): Prefix {
  const [address = "", length = ""] = cidr.split("/");
  const bytes = parseIpAddress(address);
  if (bytes === null) throw new TypeError(`Bad prefix in the network policy table: ${cidr}`);
  return { bytes, length: Number(length) };
}
