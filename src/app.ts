import { DateTime } from 'luxon';
import type restify from 'restify';
import { createAdapter } from './bot/adapter';
import { createBotApp } from './bot/app';
import type { Config } from './config';
import { type Guidance, loadGuidance } from './guidance';
import type { Logger } from './log';
import { createServer } from './server';
import { SqlStorage } from './store/botStateStorage';
import { ConversationStore } from './store/conversationStore';
import { type Database, openDatabase } from './store/database';
import { migrate } from './store/migrations';

export interface RunningApp {
  server: restify.Server;
  db: Database;
  guidance: Guidance;
  stop(): Promise<void>;
}

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** An already open database (tests share one); otherwise opened from the config. */
  db?: Database;
  now?: () => DateTime;
}

/** Builds everything in order: config -> store -> domain services -> bot -> server. Does not listen. */
export async function buildApp(options: AppOptions): Promise<RunningApp> {
  const { config, logger } = options;
  const guidance = loadGuidance();
  const db = options.db ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  await migrate(db);
  const storage = new SqlStorage(db);
  const conversations = new ConversationStore(db);
  const now = options.now ?? (() => DateTime.now().setZone('Europe/London'));

  const adapter = createAdapter(config, logger);
  const bot = createBotApp({ guidance, conversations, logger, now }, { adapter, storage, botAppId: config.bot.appId });

  const server = createServer({
    logger,
    processActivity: (req, res) =>
      adapter.process({ body: req.body as Record<string, unknown>, headers: req.headers, method: req.method ?? 'POST' }, res, (context) =>
        bot.run(context).then(() => undefined),
      ),
    health: async () => {
      await db.query('SELECT 1');
      return { ok: true, detail: { database: db.engine, records: guidance.kb.records.length } };
    },
  });

  return {
    server,
    db,
    guidance,
    async stop() {
      server.close();
      if (!options.db) await db.close();
    },
  };
}
