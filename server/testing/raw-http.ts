// A request written byte for byte on a socket, for bad-input tests: paths fetch would normalise
// (`..`, raw unicode, broken percent-encoding), headers of any size, a body that is not what its
// headers say. The answer is read until the server closes the connection (Connection: close).
import net from 'node:net';

export interface RawRequest {
  method: string;
  /** Sent as is after the method: `/api/x?y=%zz`, `/table/../etc`, raw unicode (as UTF-8). */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = Number.parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** Sends `request` to 127.0.0.1:`port`; a connection reset before any answer is `status: 0`. */
export function sendRaw(port: number, request: RawRequest, timeoutMs = 30_000): Promise<RawAnswer> {
  const body = request.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body, 'utf8');
  const headers: Record<string, string> = { host: `127.0.0.1:${port}`, connection: 'close', ...request.headers };
  if (body.length > 0 && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) headers['content-length'] = String(body.length);
  const head = `${request.method} ${request.path} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`${request.method} ${request.path.slice(0, 200)}: no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The server may answer (413, 431) and close before it read all we sent: that is an answer, not an error.
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      if (split < 0) {
        resolve({ status: 0, headers: {}, text: all.toString('utf8') });
        return;
      }
      const [statusLine = '', ...lines] = all.subarray(0, split).toString('latin1').split('\r\n');
      const answerHeaders = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      const rest = all.subarray(split + 4);
      const text = (answerHeaders['transfer-encoding'] === 'chunked' ? dechunk(rest) : rest).toString('utf8');
      resolve({ status: Number(statusLine.split(' ')[1] ?? 0), headers: answerHeaders, text });
    });
    // No half-close: Node's server ends a connection whose client ended (httpAllowHalfOpen is off) before an async answer.
    socket.write(Buffer.concat([Buffer.from(head, 'utf8'), body]));
  });
}
