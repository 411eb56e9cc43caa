import { DateTime } from 'luxon';
import { createAdapter } from '../src/bot/adapter';
import { ProactiveSender } from '../src/bot/proactive';
import { loadConfig } from '../src/config';
import { silentLogger } from '../src/log';
import { Dispatcher, realClock } from '../src/reminders/dispatcher';
import { RateLimiter, TEAMS_RATE_LIMITS } from '../src/reminders/rateLimit';
import { DEFAULT_RETRY_POLICY } from '../src/reminders/retry';
import { InspectionService } from '../src/reminders/service';
import type { NewReminder } from '../src/reminders/types';
import { ConversationStore } from '../src/store/conversationStore';
import { openPglite } from '../src/store/database';
import { ConversationDestinations } from '../src/store/destinations';
import { InspectionStore } from '../src/store/inspectionStore';
import { migrate } from '../src/store/migrations';
import { ReminderStore } from '../src/store/reminderStore';
import { MockConnector } from '../tests/helpers/mockConnector';

/**
 * A backlog of due reminders (the bot was down, or a busy morning) sent through the real
 * dispatcher, store (a fresh in-memory PGlite) and proactive sender (botbuilder's connector
 * client) to a local mock Bot Connector, with Teams' rate limits applied. The limits (7 a
 * second per conversation, 50 per tenant) set a floor on the time: the backlog is spread over
 * many conversations and tenants, and that floor is printed beside the measured time.
 */
export async function benchReminders(options: { reminders?: number; conversations?: number; tenants?: number } = {}): Promise<Record<string, number>> {
  const total = options.reminders ?? 10_000;
  const conversationCount = options.conversations ?? 500;
  const tenantCount = options.tenants ?? 50;
  const mock = await new MockConnector().start();
  const db = await openPglite(undefined);
  try {
    await migrate(db);
    const conversations = new ConversationStore(db);
    for (let c = 0; c < conversationCount; c++) {
      const id = `19:bench-${c}@thread.v2`;
      const tenantId = `tenant-${c % tenantCount}`;
      await conversations.save({
        conversationId: id,
        conversationType: 'groupChat',
        tenantId,
        userId: undefined,
        reference: { serviceUrl: mock.url, channelId: 'msteams', conversation: { id, conversationType: 'groupChat', tenantId, isGroup: true }, bot: { id: '28:bench-bot', name: 'JTAI assistant' } },
      });
    }
    const due = DateTime.now().setZone('Europe/London');
    const store = new ReminderStore(db);
    const reminders: NewReminder[] = Array.from({ length: total }, (_, i) => ({
      id: `bench-${i}`,
      subject: { kind: 'adhoc', text: `check return ${i}`, audience: 'us' },
      target: { kind: 'conversation', conversationId: `19:bench-${i % conversationCount}@thread.v2` },
      tenantId: `tenant-${i % conversationCount % tenantCount}`,
      dueAt: due,
      createdBy: { id: 'aad-bench', name: 'Bench Coordinator', teamsId: undefined },
    }));
    const insertStart = performance.now();
    await store.addMany(reminders);
    const insertMs = performance.now() - insertStart;

    const dispatcher = new Dispatcher({
      queue: store,
      destinations: new ConversationDestinations(db, conversations),
      content: new InspectionService({ inspections: new InspectionStore(db), reminders: store, records: [] }),
      sender: new ProactiveSender(createAdapter(loadConfig({}), silentLogger), '', silentLogger),
      limiter: new RateLimiter(TEAMS_RATE_LIMITS),
      policy: DEFAULT_RETRY_POLICY,
      clock: realClock,
      random: Math.random,
      logger: silentLogger,
    });
    const startMs = Date.now();
    const report = await dispatcher.runOnce(DateTime.now().setZone('Europe/London'));
    const elapsedMs = Date.now() - startMs;
    const sentAt = mock.sent.filter((s) => s.method === 'POST').map((s) => s.at);
    const dueMs = due.toMillis();
    const perTenant = Math.ceil(total / tenantCount);
    const perConversation = Math.ceil(total / conversationCount);
    const floorSeconds = Math.max((perTenant - 50) / 50, (perConversation - 7) / 7, 0);
    return {
      reminders: total,
      conversations: conversationCount,
      tenants: tenantCount,
      sent: report.sent,
      delivered: sentAt.length,
      insertMs: Math.round(insertMs),
      dispatchSeconds: round(elapsedMs / 1000),
      remindersPerSecond: Math.round((report.sent / elapsedMs) * 1000),
      rateLimitFloorSeconds: round(floorSeconds),
      firstLateMs: sentAt.length ? Math.min(...sentAt) - dueMs : NaN,
      lastLateMs: sentAt.length ? Math.max(...sentAt) - dueMs : NaN,
    };
  } finally {
    await db.close();
    await mock.stop();
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

if (require.main === module) {
  benchReminders()
    .then((r) => {
      console.log(`Reminder dispatch: ${r.reminders} due reminders over ${r.conversations} conversations in ${r.tenants} tenants (Teams allows 7/s per conversation, 50/s per tenant)`);
      for (const [k, v] of Object.entries(r)) console.log(`  ${k}: ${v}`);
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
}
