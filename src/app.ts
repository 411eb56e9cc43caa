import { DateTime } from 'luxon';
import type restify from 'restify';
import { createAdapter } from './bot/adapter';
import { createBotApp } from './bot/app';
import { activityProblem } from './bot/incomingActivity';
import { PersonalChatOpener } from './bot/personalChats';
import { ProactiveSender } from './bot/proactive';
import { type ReminderRunner, createReminderRunner } from './bot/reminderRunner';
import type { Config } from './config';
import { type Guidance, loadGuidance } from './guidance';
import type { Logger } from './log';
import { Dispatcher, realClock } from './reminders/dispatcher';
import { RateLimiter } from './reminders/rateLimit';
import { DEFAULT_RETRY_POLICY } from './reminders/retry';
import { purgeExpired } from './reminders/retention';
import { InspectionService } from './reminders/service';
import { type RetentionJob, createRetentionJob } from './retentionJob';
import { createServer } from './server';
import { SqlStorage } from './store/botStateStorage';
import { ConversationStore } from './store/conversationStore';
import { type Database, openDatabase } from './store/database';
import { ConversationDestinations } from './store/destinations';
import { InspectionStore } from './store/inspectionStore';
import { migrate } from './store/migrations';
import { ReminderStore } from './store/reminderStore';

export interface RunningApp {
  server: restify.Server;
  db: Database;
  guidance: Guidance;
  /** The reminder dispatcher: polling when REMINDER_DISPATCH is on; tests call `runOnce(now)`. */
  reminders: ReminderRunner;
  inspections: InspectionService;
  /** Deletes inspection data past its retention period; runs with the reminder dispatcher. */
  retention: RetentionJob;
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
  const reminderStore = new ReminderStore(db);
  const now = options.now ?? (() => DateTime.now().setZone('Europe/London'));

  const inspectionStore = new InspectionStore(db);
  const inspections = new InspectionService({
    inspections: inspectionStore,
    reminders: reminderStore,
    records: guidance.kb.records,
    dayTimes: {
      'start-of-day': config.dayTimes.startOfDay,
      midday: config.dayTimes.midday,
      'mid-afternoon': config.dayTimes.midAfternoon,
      'end-of-day': config.dayTimes.endOfDay,
    },
  });

  const adapter = createAdapter(config, logger);
  const proactive = new ProactiveSender(adapter, config.bot.appId ?? '', logger);
  const destinations = new PersonalChatOpener(new ConversationDestinations(db, conversations), conversations, adapter, config.bot.appId ?? '', logger);
  const bot = createBotApp(
    { guidance, conversations, logger, now, inspections, destinations, proactive, publicUrl: config.publicUrl, startOfDay: config.dayTimes.startOfDay },
    { adapter, storage, botAppId: config.bot.appId },
  );

  const dispatcher = new Dispatcher({
    queue: reminderStore,
    destinations,
    content: inspections,
    sender: proactive,
    limiter: new RateLimiter(),
    policy: { ...DEFAULT_RETRY_POLICY, maxAttempts: config.reminderMaxAttempts },
    clock: realClock,
    random: Math.random,
    logger,
    options: {
      leaseMs: config.reminderLeaseSeconds * 1000,
      // Within two polls of its time a reminder is on time; later, the bot was down.
      lateAfterMs: Math.max(2 * config.reminderPollSeconds, 120) * 1000,
    },
  });
  const reminders = createReminderRunner({ dispatcher, now, pollSeconds: config.reminderPollSeconds, logger });
  const retention = createRetentionJob({
    purge: (at) =>
      purgeExpired({ inspections: inspectionStore, reminders: reminderStore, timetableOf: (i) => inspections.timetableOf(i) }, at, config.retentionDays),
    now,
    logger,
  });

  const server = createServer({
    logger,
    processActivity: async (req, res) => {
      const problem = activityProblem(req.body);
      if (problem) {
        logger.warn('activity.rejected', { problem: problem.slice(0, 200) });
        res.status(400);
        res.json({ error: `Not a Bot Framework activity: ${problem}` });
        return;
      }
      await adapter.process({ body: req.body as Record<string, unknown>, headers: req.headers, method: req.method ?? 'POST' }, res, (context) =>
        bot.run(context).then(() => undefined),
      );
    },
    health: async () => {
      await db.query('SELECT 1');
      return { ok: true, detail: { database: db.engine, records: guidance.kb.records.length } };
    },
    calendarFile: (token) => inspections.calendarFile(token, now()),
  });

  // Reminders missed while the bot was down go out now (marked late), then every poll.
  if (config.reminderDispatch) {
    reminders.start();
    retention.start();
  }

  return {
    server,
    db,
    guidance,
    reminders,
    inspections,
    retention,
    async stop() {
      await Promise.all([reminders.stop(), retention.stop()]);
      server.close();
      if (!options.db) await db.close();
    },
  };
}
