// The HTTP server around a receiver, hardened for the open internet: header, request and idle timeouts,
// a cap on connections, and malformed requests answered 400 by us rather than dropped or logged.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

export interface ServerLimits {
  /** Time to receive the request headers. Default 10 s. */
  headersTimeoutMs?: number;
  /** Time to receive the whole request. Default 30 s. */
  requestTimeoutMs?: number;
  /** A connection that sends nothing for this long is closed (also a fresh one that never sends a byte). Default 15 s. */
  idleTimeoutMs?: number;
  /** How long a kept-alive connection waits for its next request. Default 5 s. */
  keepAliveTimeoutMs?: number;
  /** Connections open at once; more are closed as they arrive. Default 1024. */
  maxConnections?: number;
}

export const DEFAULT_LIMITS: Required<ServerLimits> = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  idleTimeoutMs: 15_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1024,
};

export function createReceiverServer(receiver: { handle(req: IncomingMessage, res: ServerResponse): void }, limits: ServerLimits = {}): Server {
  const l = { ...DEFAULT_LIMITS, ...limits };
  const server = createServer(
    {
      headersTimeout: l.headersTimeoutMs,
      requestTimeout: l.requestTimeoutMs,
      keepAliveTimeout: l.keepAliveTimeoutMs,
      // How often Node checks the two timeouts above (its default, 30 s, would let them overrun by that much).
      connectionsCheckingInterval: Math.min(1000, l.headersTimeoutMs),
    },
    (req, res) => receiver.handle(req, res),
  );
  // Socket inactivity: without a 'timeout' listener Node destroys the socket.
  server.timeout = l.idleTimeoutMs;
  server.maxConnections = l.maxConnections;
  server.on('clientError', answerClientError);
  return server;
}

const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'headers-too-large', 'The request headers are too large.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'timeout', 'The request took too long to arrive.'],
  HPE_INVALID_METHOD: [400, 'bad-request', 'The request line is malformed.'],
};

/** Node's parser rejected the request (or the client reset it): answer 400/408/431 if the socket still can, never log it. */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, code, message] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'bad-request', 'The request is not valid HTTP/1.1.'];
  const body = JSON.stringify({ error: code, message });
  socket.end(
    `HTTP/1.1 ${status} ${status === 400 ? 'Bad Request' : status === 408 ? 'Request Timeout' : 'Request Header Fields Too Large'}\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
