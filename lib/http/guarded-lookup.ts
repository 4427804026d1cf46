import { lookup as lookUpHost, type LookupAddress, type LookupAllOptions } from "node:dns";
import type { LookupFunction } from "node:net";

import { classifyAddress, isAddressAllowed, type NetworkPolicy } from "./network-policy";

/** Why the guarded lookup stopped a connection before it was made. */
export type LookupFailure =
  { reason: "address_refused"; message: string } | { reason: "dns_failed"; message: string };

/** A `lookup` for `http.request`, and what it refused, once it has run. */
export type GuardedLookup = {
  lookup: LookupFunction;
  failure: () => LookupFailure | null;
};

/**
 * Creates the DNS lookup that `http.request` uses for one request. It resolves every address
 * of the host, refuses the connection if any of them is not allowed by `policy`, and otherwise
 * hands the checked addresses to the socket, so the socket connects to what was checked with
 * no second resolution for a rebinding DNS server to answer differently.
 *
 * Refusing when any address is disallowed, rather than connecting to an allowed one, is
 * deliberate: a host that resolves to both public and private addresses is either misconfigured
 * or probing us.
 *
 * Node does not call `lookup` for IP literals; those must be checked before connecting.
 */
export function createGuardedLookup(policy: NetworkPolicy): GuardedLookup {
  let failure: LookupFailure | null = null;

  const lookup: LookupFunction = (hostname, options, callback) => {
    const lookupOptions: LookupAllOptions = {
      all: true,
      family: options.family,
      hints: options.hints,
    };

    lookUpHost(hostname, lookupOptions, (error, addresses) => {
      // On error Node passes no address list at all, whatever the type says.
      const first = error ? undefined : addresses[0];
      if (first === undefined) {
        const cause = error ? (error.code ?? error.message) : "no address";
        failure = { reason: "dns_failed", message: `Could not resolve ${hostname}: ${cause}` };
        callback(error ?? new Error(failure.message), []);
        return;
      }

      failure = findRefusal(hostname, addresses, policy);
      if (failure) {
        callback(new Error(failure.message), []);
        return;
      }

      // Happy-eyeballs connections ask for every address; plain ones for a single address.
      if (options.all) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };

  return { lookup, failure: () => failure };
}

function findRefusal(
  hostname: string,
  addresses: readonly LookupAddress[],
  policy: NetworkPolicy,
): LookupFailure | null {
  const refused = addresses.find(({ address }) => !isAddressAllowed(address, policy));
  if (!refused) return null;

  const addressClass = classifyAddress(refused.address);
  const description = `a ${addressClass} address the network policy refuses`;
  return {
    reason: "address_refused",
    message: `${hostname} resolves to ${refused.address}, ${description}`,
  };
}
