import { useQuery } from "@tanstack/react-query";
import type { AdminStatsView, EndpointView } from "@/lib/api/views";
import { adminStatsQueryOptions } from "@/lib/client/admin-queries";
import { useEnableEndpoint } from "@/lib/client/replay-mutations";
import { RelativeTime } from "../ui/relative-time";
import { Button } from "../ui/button";

type FailingEndpointsProps = { endpoints: AdminStatsView["failingEndpoints"] };

/** The outbound URLs that fail most, so an operator knows which integration to look at first. */
export function FailingEndpoints({ endpoints }: FailingEndpointsProps) {
  return (
    <section
      aria-labelledby="failing-endpoints-heading"
      className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200"
    >
      <h2
        id="failing-endpoints-heading"
        className="border-b border-slate-100 px-4 py-3 text-sm font-semibold text-slate-900"
      >
        Endpoints failing most
      </h2>
      {endpoints.length === 0 ? (
        <p className="px-4 py-8 text-center text-sm text-slate-500">
          No failing endpoints. URLs whose requests fail show up here.
        </p>
      ) : (
        <table className="w-full table-fixed text-sm">
          <thead className="text-left text-xs text-slate-500">
            <tr className="border-b border-slate-100">
              <th scope="col" className="px-4 py-2 font-medium">
                Endpoint
              </th>
              <th scope="col" className="w-20 px-3 py-2 text-right font-medium">
                Failures
              </th>
              <th scope="col" className="w-24 px-3 py-2 font-medium">
                Last status
              </th>
              <th scope="col" className="w-2/5 px-4 py-2 font-medium">
                Last error
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {endpoints.map((endpoint) => (
              <tr key={endpoint.url}>
                <td
                  className="truncate px-4 py-2 font-mono text-xs text-slate-800"
                  title={endpoint.url}
                >
                  {endpoint.url}
                </td>
                <td className="px-3 py-2 text-right tabular-nums font-semibold text-rose-700">
                  {endpoint.failures}
                </td>
                <td className="px-3 py-2 font-mono text-xs text-slate-700">
                  {endpoint.lastStatus ?? "—"}
                </td>
                <td
                  className="truncate px-4 py-2 text-xs text-slate-600"
                  title={endpoint.lastError ?? undefined}
                >
                  {endpoint.lastError ?? "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <DisabledEndpoints />
    </section>
  );
}

/**
 * Endpoints that receive no deliveries until someone re-enables them. Reads the dashboard's
 * cached stats, so it costs no request of its own.
 */
function DisabledEndpoints() {
  const { data: endpoints } = useQuery({
    ...adminStatsQueryOptions(),
    select: (stats) => stats.disabledEndpoints,
  });
  if (!endpoints || endpoints.length === 0) return null;

  return (
    <div className="border-t border-slate-100">
      <h3 className="px-4 pt-3 text-xs font-semibold uppercase tracking-wide text-rose-700">
        Disabled endpoints
      </h3>
      <ul className="divide-y divide-slate-100">
        {endpoints.map((endpoint) => (
          <DisabledEndpointRow key={endpoint.id} endpoint={endpoint} />
        ))}
      </ul>
    </div>
  );
}

function DisabledEndpointRow({ endpoint }: { endpoint: EndpointView }) {
  const enable = useEnableEndpoint();

  return (
    <li className="flex items-center gap-3 px-4 py-2">
      <div className="min-w-0 flex-1">
        <p className="truncate font-mono text-xs text-slate-800" title={endpoint.url}>
          {endpoint.url}
        </p>
        <p className="truncate text-xs text-slate-500">
          {endpoint.disabledReason ?? "Disabled"}
          {endpoint.disabledAt ? (
            <>
              {" · "}
              <RelativeTime iso={endpoint.disabledAt} />
            </>
          ) : null}
        </p>
        {enable.isError ? (
          <p role="alert" className="text-xs text-rose-600">
            {enable.error.message}
          </p>
        ) : null}
      </div>
      <Button
        disabled={enable.isPending}
        onClick={() => enable.mutate(endpoint.id)}
        aria-label={`Re-enable ${endpoint.url}`}
      >
        Re-enable
      </Button>
    </li>
  );
}
