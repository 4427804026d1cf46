import net from "node:net";

import { parseAnswer, type HttpAnswer } from "./inbound-http-answer";

export type ConnectionHandlers = {
  /** The answer to the request in flight; the connection can take the next one. */
  onAnswer(answer: HttpAnswer): void;
  /**
   * The request in flight got no answer: the socket failed, closed, or sent bytes that are not
   * an HTTP response. `reason` is an errno code such as ECONNRESET, or a short description.
   */
  onFailure(reason: string): void;
  /** The socket is gone, after any `onFailure`; the connection takes no more requests. */
  onClose(): void;
};

const EMPTY = Buffer.alloc(0);

/**
 * One keep-alive HTTP/1.1 connection to a server on loopback that carries one request at a time
 * and writes pre-built request bytes. It is a fraction of node:http's client in work per
 * request, so the load generator does not become the bottleneck of what it measures.
 */
export class KeepAliveConnection {
  private readonly socket: net.Socket;
  private unparsed: Buffer = EMPTY;
  private isAwaitingAnswer = false;
  private isClosing = false;
  private failure: string | null = null;
  /** Resolves true once connected, false if the socket closes first. */
  readonly connected: Promise<boolean>;

  constructor(
    port: number,
    private readonly handlers: ConnectionHandlers,
  ) {
    this.socket = net.connect({ port, host: "127.0.0.1", noDelay: true });
    this.connected = new Promise((resolve) => {
      this.socket.once("connect", () => resolve(true));
      this.socket.once("close", () => resolve(false));
    });
    this.socket.on("data", (chunk: Buffer) => this.receive(chunk));
    this.socket.on("error", (error: NodeJS.ErrnoException) => {
      this.failure ??= error.code ?? error.message;
    });
    this.socket.on("close", () => this.finish());
  }

  /** Whether `send` may be called: connected or connecting, open, and idle. */
  get isIdle(): boolean {
    return !this.isAwaitingAnswer && !this.isClosing;
  }

  /** Writes one request. Bytes written before the socket connects are sent once it does. */
  send(request: Buffer): void {
    if (!this.isIdle) throw new Error("A request is in flight or the connection is closing");
    this.isAwaitingAnswer = true;
    this.socket.write(request);
  }

  /** Closes the socket without reporting the request in flight: its caller has given up on it. */
  abandon(): void {
    this.isAwaitingAnswer = false;
    this.isClosing = true;
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    this.unparsed = this.unparsed.length === 0 ? chunk : Buffer.concat([this.unparsed, chunk]);
    const parsed = parseAnswer(this.unparsed);
    if (parsed.kind === "incomplete") return;
    if (parsed.kind === "malformed" || !this.isAwaitingAnswer) {
      this.failure ??= parsed.kind === "malformed" ? parsed.reason : "answer without a request";
      this.isClosing = true;
      this.socket.destroy();
      return;
    }

    // One request at a time, so nothing may follow the answer; anything that does is reported
    // as an answer without a request when it arrives.
    this.unparsed = this.unparsed.subarray(parsed.consumedBytes);
    this.isAwaitingAnswer = false;
    if (parsed.answer.isClosing) this.isClosing = true;
    this.handlers.onAnswer(parsed.answer);
  }

  private finish(): void {
    this.isClosing = true;
    if (this.isAwaitingAnswer) {
      this.isAwaitingAnswer = false;
      this.handlers.onFailure(this.failure ?? "closed before answering");
    }
    this.handlers.onClose();
  }
}
