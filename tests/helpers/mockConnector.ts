import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Bot Connector service (the `serviceUrl` Teams gives the bot): it
 * records every activity the bot sends and answers as the real one does, or with a scripted
 * failure (429 with Retry-After, 403, 503 ...) for the next N calls.
 */
export interface SentActivity {
  method: string;
  path: string;
  conversationId: string;
  body: Record<string, unknown>;
  at: number;
}

export interface ScriptedFailure {
  status: number;
  retryAfterSeconds?: number;
  /** Only fail calls for this conversation. */
  conversationId?: string;
}

export class MockConnector {
  readonly sent: SentActivity[] = [];
  private failures: ScriptedFailure[] = [];
  private server: http.Server | undefined;
  private counter = 0;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      req.on('end', () => {
        const path = req.url ?? '';
        const conversationId = decodeURIComponent(/\/v3\/conversations\/([^/]+)/.exec(path)?.[1] ?? '');
        const i = this.failures.findIndex((f) => f.conversationId === undefined || f.conversationId === conversationId);
        if (i >= 0) {
          const [f] = this.failures.splice(i, 1);
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (f?.retryAfterSeconds !== undefined) headers['retry-after'] = String(f.retryAfterSeconds);
          res.writeHead(f?.status ?? 500, headers);
          res.end(JSON.stringify({ error: { code: 'Scripted', message: 'scripted failure' } }));
          return;
        }
        let body: Record<string, unknown> = {};
        try {
          body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
        } catch {
          // keep the empty body
        }
        this.sent.push({ method: req.method ?? '', path, conversationId, body, at: Date.now() });
        res.writeHead(200, { 'content-type': 'application/json' });
        if (path === '/v3/conversations' && req.method === 'POST') res.end(JSON.stringify({ id: `created-${++this.counter}` }));
        else res.end(JSON.stringify({ id: `activity-${++this.counter}` }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  failNext(...failures: ScriptedFailure[]): void {
    this.failures.push(...failures);
  }

  /** Activities posted into conversations (not updates), in order. */
  messages(conversationId?: string): Array<Record<string, unknown>> {
    return this.sent
      .filter((s) => s.method === 'POST' && /\/activities(\/[^/]+)?$/.test(s.path))
      .filter((s) => conversationId === undefined || s.conversationId === conversationId)
      .map((s) => s.body);
  }

  updates(): SentActivity[] {
    return this.sent.filter((s) => s.method === 'PUT');
  }

  clear(): void {
    this.sent.length = 0;
    this.failures = [];
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
