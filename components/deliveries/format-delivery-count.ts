const numberFormat = new Intl.NumberFormat("en");

/** "1 delivery", "1,000 deliveries". */
export function formatDeliveryCount(count: number): string {
  return `${numberFormat.format(count)} ${count === 1 ? "delivery" : "deliveries"}`;
}
