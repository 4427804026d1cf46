import type { Metadata } from "next";
import { ExchangeComparison } from "@/components/deliveries/exchange-comparison";

export const metadata: Metadata = { title: "Compare exchanges · Switchyard" };

type ComparePageProps = { searchParams: Promise<{ before?: string; after?: string }> };

/** `/deliveries/compare?before=<id>&after=<id>`: a comparison anyone can open from a link. */
export default async function ComparePage({ searchParams }: ComparePageProps) {
  const { before, after } = await searchParams;
  return <ExchangeComparison beforeId={before ?? ""} afterId={after ?? ""} />;
}
