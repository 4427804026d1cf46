import type { Metadata } from "next";
import { Suspense } from "react";
import { DeliveryLog } from "@/components/deliveries/delivery-log";

export const metadata: Metadata = { title: "Delivery log · Switchyard" };

export default function DeliveriesPage() {
  // The log reads its filters and the open exchange from the URL on the client.
  return (
    <Suspense fallback={null}>
      <DeliveryLog />
    </Suspense>
  );
}
