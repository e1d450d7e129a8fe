import http from 'node:http';
import net from 'node:net';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json(): unknown;
}

export interface RawRequest {
  method?: string;
  /** Sent exactly as given: no normalisation of `..` or percent-escapes, unlike fetch. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body in chunks without a Content-Length. */
  chunked?: boolean;
}

/** One HTTP request to 127.0.0.1:`port` through node:http, which leaves the path and the Host header alone. */
export function rawRequest(port: number, request: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Host: `127.0.0.1:${port}`, ...request.headers };
    if (request.body !== undefined && !request.chunked) headers['Content-Length'] = String(Buffer.byteLength(request.body));
    const outgoing = http.request({ host: '127.0.0.1', port, method: request.method ?? 'GET', path: request.path, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: () => JSON.parse(text) });
      });
      response.on('error', reject);
    });
    // The server may answer (413) and close before the whole body is sent; the answer is what counts.
    outgoing.on('error', reject);
    if (request.body !== undefined && request.chunked) {
      const body = Buffer.from(request.body);
      for (let offset = 0; offset < body.length; offset += 16 * 1024) outgoing.write(body.subarray(offset, offset + 16 * 1024));
    } else if (request.body !== undefined) {
      outgoing.write(request.body);
    }
    outgoing.end();
  });
}

/** Whether a TCP connection to host:port is accepted. */
export function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A server-sent-events stream read frame by frame. */
export interface EventStream {
  status: number;
  /** Resolves with the next frame whose `event:` line is `name`. */
  next(name: string): Promise<{ event: string; data: string }>;
  close(): void;
}

export function openEventStream(port: number, headers: Record<string, string>): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const outgoing = http.get({ host: '127.0.0.1', port, path: '/api/events', headers: { Host: `127.0.0.1:${port}`, ...headers }, agent: false }, (response) => {
      let buffer = '';
      const frames: { event: string; data: string }[] = [];
      const waiting: { name: string; resolve: (frame: { event: string; data: string }) => void }[] = [];
      const deliver = () => {
        for (const waiter of [...waiting]) {
          const index = frames.findIndex((frame) => frame.event === waiter.name);
          if (index < 0) continue;
          waiting.splice(waiting.indexOf(waiter), 1);
          waiter.resolve(frames.splice(index, 1)[0]);
        }
      };
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const lines = buffer.slice(0, end).split('\n');
          buffer = buffer.slice(end + 2);
          const field = (name: string) => lines.find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2) ?? '';
          frames.push({ event: lines[0].startsWith(':') ? 'comment' : field('event'), data: field('data') });
        }
        deliver();
      });
      resolve({
        status: response.statusCode ?? 0,
        next: (name) =>
          new Promise((resolveFrame) => {
            waiting.push({ name, resolve: resolveFrame });
            deliver();
          }),
        close: () => outgoing.destroy(),
      });
    });
    outgoing.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
    });
  });
}
