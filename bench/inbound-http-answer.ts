/** One HTTP/1.1 response read off the wire. */
export type HttpAnswer = {
  status: number;
  body: string;
  /** The server said `Connection: close`: it ends the connection after this answer. */
  isClosing: boolean;
};

export type ParsedAnswer =
  | { kind: "answer"; answer: HttpAnswer; consumedBytes: number }
  | { kind: "incomplete" }
  | { kind: "malformed"; reason: string };

const HEAD_END = "\r\n\r\n";
const LINE_END = "\r\n";
const incomplete = { kind: "incomplete" } as const;

/**
 * Reads the first response in `bytes`, framed by Content-Length or chunked encoding; answers
 * without either are reported as malformed, except 204 and 304, which have no body. What this
 * does not cover: 1xx interim responses, and bodies delimited by the connection's end, neither
 * of which a node:http server sends to these requests.
 */
export function parseAnswer(bytes: Buffer): ParsedAnswer {
  const headEnd = bytes.indexOf(HEAD_END);
  if (headEnd === -1) return incomplete;

  const lines = bytes.toString("latin1", 0, headEnd).split(LINE_END);
  const statusLine = lines[0] ?? "";
  const status = Number(statusLine.slice(9, 12));
  if (!statusLine.startsWith("HTTP/1.") || !Number.isInteger(status)) {
    return { kind: "malformed", reason: `bad status line "${statusLine.slice(0, 40)}"` };
  }
  const headers = readHeaders(lines.slice(1));
  const isClosing = headers.get("connection")?.toLowerCase() === "close";
  const bodyStart = headEnd + HEAD_END.length;

  if (headers.get("transfer-encoding")?.toLowerCase().includes("chunked")) {
    const chunked = readChunkedBody(bytes, bodyStart);
    if (chunked.kind !== "body") return chunked;
    return answerOf(status, chunked.body, isClosing, chunked.end);
  }

  const isBodyless = status === 204 || status === 304;
  const contentLength = headers.get("content-length") ?? (isBodyless ? "0" : undefined);
  if (contentLength === undefined || !/^\d+$/.test(contentLength)) {
    return { kind: "malformed", reason: `status ${status} without a usable Content-Length` };
  }
  const bodyEnd = bodyStart + Number(contentLength);
  if (bytes.length < bodyEnd) return incomplete;
  return answerOf(status, bytes.toString("utf8", bodyStart, bodyEnd), isClosing, bodyEnd);
}

function answerOf(status: number, body: string, isClosing: boolean, end: number): ParsedAnswer {
  return { kind: "answer", answer: { status, body, isClosing }, consumedBytes: end };
}

function readHeaders(lines: readonly string[]): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

type ChunkedBody =
  | { kind: "body"; body: string; end: number }
  | { kind: "incomplete" }
  | { kind: "malformed"; reason: string };

/** Joins the chunks from `start` on; the end is past the last chunk and any trailers. */
function readChunkedBody(bytes: Buffer, start: number): ChunkedBody {
  const chunks: Buffer[] = [];
  let position = start;
  for (;;) {
    const sizeEnd = bytes.indexOf(LINE_END, position);
    if (sizeEnd === -1) return incomplete;
    // parseInt stops at a chunk extension (";name=value"), which is what it should ignore.
    const size = Number.parseInt(bytes.toString("latin1", position, sizeEnd), 16);
    if (!Number.isInteger(size) || size < 0) {
      return { kind: "malformed", reason: "bad chunk size" };
    }

    if (size === 0) {
      // The last chunk's line ends where an empty line, after any trailers, begins.
      const end = bytes.indexOf(HEAD_END, sizeEnd);
      if (end === -1) return incomplete;
      return { kind: "body", body: Buffer.concat(chunks).toString("utf8"), end: end + 4 };
    }

    const dataStart = sizeEnd + LINE_END.length;
    const dataEnd = dataStart + size;
    if (bytes.length < dataEnd + LINE_END.length) return incomplete;
    chunks.push(bytes.subarray(dataStart, dataEnd));
    position = dataEnd + LINE_END.length;
  }
}
