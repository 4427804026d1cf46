/** Bytes of every request body the inbound scenarios send. */
export const INBOUND_BODY_BYTES = 1024;

const SEQUENCE_DIGITS = 12;
const SEQUENCE_KEY = '"sequence":"';

/**
 * The sequence number written into a stored body, or null when it holds none: verification
 * reads it back, so an acknowledgement is matched with the very request it answered, not just
 * any row.
 */
export function sequenceInBody(body: string): number | null {
  const start = body.indexOf(SEQUENCE_KEY);
  if (start === -1) return null;
  const digits = body.slice(
    start + SEQUENCE_KEY.length,
    start + SEQUENCE_KEY.length + SEQUENCE_DIGITS,
  );
  return /^\d+$/.test(digits) ? Number(digits) : null;
}

/**
 * Returns a function that builds the bytes of request `sequence`: a keep-alive HTTP/1.1 POST of
 * a 1 KB JSON event to `path`. The head and body are laid out once; each request is a copy of
 * them with its sequence number written in place, so building one costs a copy, not a
 * serialization, and the load generator stays cheap next to the server it measures.
 */
export function createRequestBuilder(port: number, path: string): (sequence: number) => Buffer {
  const head =
    `POST ${path} HTTP/1.1\r\n` +
    `Host: 127.0.0.1:${port}\r\n` +
    "Content-Type: application/json\r\n" +
    `Content-Length: ${INBOUND_BODY_BYTES}\r\n` +
    "\r\n";
  const body = eventBody();
  const template = Buffer.from(head + body, "latin1");
  const sequenceOffset = head.length + body.indexOf(SEQUENCE_KEY) + SEQUENCE_KEY.length;

  return (sequence) => {
    const bytes = Buffer.allocUnsafe(template.length);
    template.copy(bytes);
    bytes.write(formatSequence(sequence), sequenceOffset, "latin1");
    return bytes;
  };
}

/** An order event padded to exactly 1 KB, with a sequence field of fixed width. */
function eventBody(): string {
  const event = {
    type: "order.created",
    sequence: formatSequence(0),
    occurredAt: "2026-01-01T00:00:00.000Z",
    data: {
      orderId: "ord_7Qk2mVx9Lp3N",
      customer: { id: "cus_4Hs8Tb1Wz6Rc", email: "buyer@example.com", country: "DE" },
      items: [
        { sku: "SKU-1001", quantity: 2, unitPriceCents: 1999 },
        { sku: "SKU-2002", quantity: 1, unitPriceCents: 4999 },
      ],
      totalCents: 8997,
      note: "",
    },
  };
  const padding = INBOUND_BODY_BYTES - JSON.stringify(event).length;
  if (padding < 0) throw new Error(`The event body exceeds ${INBOUND_BODY_BYTES} bytes`);
  event.data.note = "x".repeat(padding);
  return JSON.stringify(event);
}

function formatSequence(sequence: number): string {
  const digits = String(sequence);
  if (digits.length > SEQUENCE_DIGITS) throw new Error(`Sequence ${sequence} is too large`);
  return digits.padStart(SEQUENCE_DIGITS, "0");
}
