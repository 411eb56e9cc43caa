import restify from 'restify';
import type { Logger } from './log';

/** What the HTTP layer needs: hand a bot request to the adapter, and say whether we are healthy. */
export interface ServerDeps {
  processActivity(req: restify.Request, res: restify.Response): Promise<void>;
  health(): Promise<{ ok: boolean; detail: Record<string, string | number> }>;
  logger: Logger;
}

export function createServer(deps: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'jtai-assistant', handleUncaughtExceptions: false });
  // Bot Framework activities are small; a cap keeps one bad client from exhausting memory.
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    await deps.processActivity(req, res);
  });

  server.get('/healthz', async (_req, res) => {
    const h = await deps.health().catch((err: Error) => ({ ok: false, detail: { error: err.name } }));
    res.status(h.ok ? 200 : 503);
    res.json({ status: h.ok ? 'ok' : 'unavailable', ...h.detail });
  });

  server.on('restifyError', (_req, _res, err, callback) => {
    deps.logger.warn('http.error', { status: (err as { statusCode?: number }).statusCode, error: err.name });
    return callback();
  });
  return server;
}

export function listen(server: restify.Server, port: number, host = '0.0.0.0'): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
