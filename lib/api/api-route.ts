import type { z } from "zod";
import { getSessionUser, type SessionUser } from "../auth/get-session-user";
import { hasRole, type Role } from "../auth/roles";
import { log } from "../log";
import { errorResponse } from "./error-codes";

const MAX_API_BODY_BYTES = 2 * 1024 * 1024;

type Schema = z.ZodType;
type Infer<S> = S extends Schema ? z.output<S> : undefined;

export type RouteContext<B, P, Q> = {
  request: Request;
  user: SessionUser;
  body: Infer<B>;
  params: Infer<P>;
  query: Infer<Q>;
};

type RouteOptions<B, P, Q> = { role: Role; body?: B; params?: P; query?: Q };

type NextRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/**
 * Wraps a route handler with what every API route needs, in order: refuse cross-site writes,
 * require a session and a role, parse params, query and JSON body with zod, and map anything
 * unexpected to a 500 that leaks nothing. The handler receives parsed input and the caller,
 * whose `workspaceId` must scope every query it makes.
 */
export function apiRoute<
  B extends Schema | undefined,
  P extends Schema | undefined,
  Q extends Schema | undefined,
>(
  options: RouteOptions<B, P, Q>,
  handler: (ctx: RouteContext<B, P, Q>) => Promise<Response>,
): (request: Request, context: NextRouteContext) => Promise<Response> {
  return async (request, context) => {
    try {
      if (isCrossSiteWrite(request)) {
        return errorResponse("cross_site_request", "Cross-site requests cannot change data.");
      }
      const user = await getSessionUser(request.headers);
      if (!user) return errorResponse("unauthenticated", "Sign in to use the API.");
      if (!hasRole(user.role, options.role)) {
        return errorResponse("forbidden", `This needs the ${options.role} role or higher.`);
      }

      const params = parseWith(options.params, await context.params, "path");
      if (!params.ok) return params.response;
      const query = parseWith(options.query, searchParamsOf(request), "query");
      if (!query.ok) return query.response;
      const body = options.body
        ? await readJsonBody(request, options.body)
        : { ok: true as const, value: undefined };
      if (!body.ok) return body.response;

      return await handler({
        request,
        user,
        body: body.value as Infer<B>,
        params: params.value as Infer<P>,
        query: query.value as Infer<Q>,
      });
    } catch (error) {
      log.error({ err: error, method: request.method, url: request.url }, "unhandled API error");
      return errorResponse("internal_error", "Something went wrong on our side.");
    }
  };
}

export type Parsed = { ok: true; value: unknown } | { ok: false; response: Response };

function parseWith(schema: Schema | undefined, input: unknown, where: string): Parsed {
  if (!schema) return { ok: true, value: undefined };
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, response: validationError(result.error, where) };
}

/** Reads a JSON body and parses it with `schema`; routes outside `apiRoute` use it too. */
export async function readJsonBody(request: Request, schema: Schema): Promise<Parsed> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    return {
      ok: false,
      response: errorResponse(
        "unsupported_media_type",
        "Send JSON (Content-Type: application/json).",
      ),
    };
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_API_BODY_BYTES) {
    return {
      ok: false,
      response: errorResponse("payload_too_large", "The request body is larger than 2 MiB."),
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      ok: false,
      response: errorResponse("invalid_json", "The request body is not valid JSON."),
    };
  }
  return parseWith(schema, json, "body");
}

/** Query parameters, with empty ones dropped: a cleared filter arrives as `kind=`. */
function searchParamsOf(request: Request): Record<string, string> {
  const entries = [...new URL(request.url).searchParams].filter(([, value]) => value !== "");
  return Object.fromEntries(entries);
}

function validationError(error: z.ZodError, where: string): Response {
  const issues = error.issues.map((issue) => ({
    path: issue.path.join("."),
    message: issue.message,
  }));
  return errorResponse("validation_failed", `The ${where} is not valid.`, { issues });
}

/**
 * Browsers label every request with Sec-Fetch-Site and, for writes, Origin. A write that a
 * browser marks as coming from another site is refused; scripts send neither header and are
 * judged by their credentials alone.
 */
function isCrossSiteWrite(request: Request): boolean {
  if (request.method === "GET" || request.method === "HEAD") return false;
  const site = request.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
