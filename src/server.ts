import restify from 'restify';
import type { Logger } from './log';

/** What the HTTP layer needs: hand a bot request to the adapter, and say whether we are healthy. */
export interface ServerDeps {
  processActivity(req: restify.Request, res: restify.Response): Promise<void>;
  health(): Promise<{ ok: boolean; detail: Record<string, string | number> }>;
  logger: Logger;
  /** The live inspection's timetable as an .ics file, by its unguessable token; undefined when unknown. */
  calendarFile?(token: string): Promise<{ filename: string; body: string } | undefined>;
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

  // A deviation from DESIGN.md's two routes, on purpose: Outlook and phones open a calendar file
  // from a plain link (Action.OpenUrl), which a bot message cannot carry as a file in every Teams
  // client. The link names the inspection only by an unguessable token (192 random bits), holds
  // nothing but the public timetable dates, and is cancelled with the inspection it belongs to.
  const calendarFile = deps.calendarFile;
  if (calendarFile) {
    server.get('/api/calendar/:file', async (req, res) => {
      const file = String((req.params as Record<string, unknown>).file ?? '');
      const token = /^([A-Za-z0-9_-]{20,64})\.ics$/.exec(file)?.[1];
      const found = token ? await calendarFile(token).catch(() => undefined) : undefined;
      if (!found) {
        res.status(404);
        res.json({ status: 'not found' });
        return;
      }
      res.writeHead(200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': `attachment; filename="${found.filename}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(found.body);
    });
  }

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
