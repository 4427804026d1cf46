/**
 * The concurrency key of a delivery's job: its endpoint's origin, so deliveries to one slow
 * receiver share a small number of worker slots. Unparseable URLs share one key of their own;
 * their attempts fail at once anyway.
 */
export function endpointConcurrencyKey(endpointUrl: string): string {
  return URL.canParse(endpointUrl) ? `endpoint:${new URL(endpointUrl).origin}` : "endpoint:invalid";
}
