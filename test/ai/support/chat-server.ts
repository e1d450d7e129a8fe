import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the model answers by default in these tests. */
export const modelFields = {
  requiredSkills: ['TypeScript', 'SQLite', 'Rust'],
  preferredSkills: ['React'],
  yearsOfExperience: 3,
  salary: { min: 50000, max: 65000, currency: 'EUR', period: 'year' },
  remote: 'hybrid',
  summary: ['Backend developer at Globex', 'Local-first sync engine', 'Lyon, two days remote'],
};

export interface ChatRequest {
  path: string;
  authorization: string | undefined;
  body: unknown;
}

/**
 * A local server speaking the chat-completions shape, on 127.0.0.1. The path's first part says how it behaves:
 * `ok` (the fields, in a code fence as some models answer), `slow` (never answers), `error` (HTTP 500),
 * `malformed` (broken JSON in the answer), `wrong` (JSON without the expected fields).
 */
export class ChatServer {
  readonly received: ChatRequest[] = [];
  /** What `ok` answers; a test may change it. */
  fields: unknown = modelFields;
  private readonly slow = new Set<http.ServerResponse>();
  private readonly server = http.createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => {
      const mode = (request.url ?? '').split('/')[1];
      this.received.push({ path: request.url ?? '', authorization: request.headers.authorization, body: JSON.parse(text) });
      const completion = (content: string) =>
        JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion', created: 1764800000, model: 'local', choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }] });
      if (mode === 'slow') {
        this.slow.add(response);
        return;
      }
      if (mode === 'error') {
        response.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"message":"overloaded"}}');
        return;
      }
      const content = mode === 'malformed' ? '{"requiredSkills": ["TypeScript", ' : mode === 'wrong' ? '{"skills": "TypeScript"}' : `\`\`\`json\n${JSON.stringify(this.fields)}\n\`\`\``;
      response.writeHead(200, { 'content-type': 'application/json' }).end(completion(content));
    });
  });

  /** `http://127.0.0.1:<port>`; a base URL is `${url}/<mode>/v1`. */
  url = '';

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    for (const response of this.slow) response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
