import { z } from "zod";

/** The longest body a replay may send, in characters of the edited text. */
export const MAX_REPLAY_BODY_CHARS = 1024 * 1024;

/** The most headers a replay may send. */
export const MAX_REPLAY_HEADERS = 100;

const MAX_HEADER_VALUE_CHARS = 8 * 1024;

const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

const headerName = z
  .string()
  .min(1)
  .max(256)
  .regex(HTTP_TOKEN, "A header name is letters, digits and !#$%&'*+-.^_`|~");

const headerValue = z
  .string()
  .max(MAX_HEADER_VALUE_CHARS, `A header value is at most ${MAX_HEADER_VALUE_CHARS} characters`)
  .refine((value) => !/[\r\n\0]/.test(value), "A header value cannot contain line breaks");

/**
 * What a person may change before an exchange is sent again; every field is optional and a
 * missing one keeps the original's. `headers`, when given, replaces the original's headers as
 * a whole (name → value), so removing a row in the dialog removes the header.
 */
export const replayEditsSchema = z
  .object({
    method: z
      .string()
      .min(1)
      .max(16)
      .regex(/^[A-Za-z]+$/, "A method is letters only, such as POST")
      .transform((method) => method.toUpperCase())
      .optional(),
    url: z.string().min(1).max(2048, "The URL is at most 2048 characters").optional(),
    headers: z
      .record(headerName, headerValue)
      .refine(
        (headers) => Object.keys(headers).length <= MAX_REPLAY_HEADERS,
        `At most ${MAX_REPLAY_HEADERS} headers`,
      )
      .optional(),
    body: z
      .string()
      .max(MAX_REPLAY_BODY_CHARS, `The body is at most ${MAX_REPLAY_BODY_CHARS} characters`)
      .optional(),
  })
  .strict();

export type ReplayEdits = z.output<typeof replayEditsSchema>;
