import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './log';
import { listen } from './server';

/** Composition root: read config, build the app, listen, and stop cleanly on a signal. */
async function start(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const started = Date.now();
  const app = await buildApp({ config, logger });
  const port = await listen(app.server, config.port);
  logger.info('server.listening', {
    port,
    database: app.db.engine,
    dataDir: app.db.engine === 'pglite' ? config.dataDir : undefined,
    records: app.guidance.kb.records.length,
    auth: config.bot.appId ? 'on' : 'off (local)',
    startupMs: Date.now() - started,
  });
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info('server.stopping', { signal });
    await app.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

if (require.main === module) {
  start().catch((err: unknown) => {
    process.stderr.write(`Start-up failed: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}\n`);
    process.exit(1);
  });
}
