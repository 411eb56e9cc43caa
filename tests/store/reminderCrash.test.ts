import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { createAdapter } from '../../src/bot/adapter';
import { ProactiveSender } from '../../src/bot/proactive';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/log';
import { Dispatcher, realClock } from '../../src/reminders/dispatcher';
import { RateLimiter } from '../../src/reminders/rateLimit';
import { DEFAULT_RETRY_POLICY } from '../../src/reminders/retry';
import { InspectionService } from '../../src/reminders/service';
import { ConversationStore } from '../../src/store/conversationStore';
import { type Database, openPglite } from '../../src/store/database';
import { ConversationDestinations } from '../../src/store/destinations';
import { InspectionStore } from '../../src/store/inspectionStore';
import { migrate } from '../../src/store/migrations';
import { ReminderStore } from '../../src/store/reminderStore';
import { cardText } from '../helpers/botHttp';
import { ENGINE, resetDatabase, testDatabase } from '../helpers/db';
import { MockConnector } from '../helpers/mockConnector';

const T0 = DateTime.fromISO('2026-06-12T09:00', { zone: 'Europe/London' });
const CONVERSATION = 'a:personal-alex';
const FIXTURE = path.join(__dirname, 'fixtures', 'claimThenDie.ts');

/** Resolves with the first stdout line matching, or rejects if the child exits first. */
function lineFrom(child: ReturnType<typeof spawn>, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n').find((l) => pattern.test(l));
      if (line) resolve(line);
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.once('exit', (code) => reject(new Error(`child exited (${String(code)}) before "${pattern.source}": ${err.slice(-500)}`)));
  });
}

describe(`a bot process killed between claim and send (${ENGINE})`, function () {
  this.timeout(90_000);
  let mock: MockConnector;
  let dir: string | undefined;
  let db: Database | undefined;

  before(async () => {
    mock = await new MockConnector().start();
  });
  after(async () => {
    await mock.stop();
    if (ENGINE === 'pglite') await db?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loses no reminder: after the lease runs out a new dispatcher sends it, exactly once', async () => {
    // The database outlives the process: a PGlite folder, or the PostgreSQL server.
    if (ENGINE === 'postgres') {
      db = await testDatabase();
      await resetDatabase(db);
    } else {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jtai-crash-'));
      db = await openPglite(dir);
      await migrate(db);
    }
    await new ConversationStore(db).save({
      conversationId: CONVERSATION,
      conversationType: 'personal',
      tenantId: 'tenant-1',
      userId: 'aad-alex',
      reference: {
        serviceUrl: mock.url,
        channelId: 'msteams',
        conversation: { id: CONVERSATION, conversationType: 'personal', tenantId: 'tenant-1' },
        bot: { id: '28:jtai-bot', name: 'JTAI assistant' },
        user: { id: '29:alex', name: 'Alex Coordinator', aadObjectId: 'aad-alex' },
      },
    });
    await new ReminderStore(db).add({
      id: 'r-crash',
      subject: { kind: 'adhoc', text: 'send the evaluations to the lead inspector', audience: 'me' },
      target: { kind: 'user', userId: 'aad-alex' },
      tenantId: 'tenant-1',
      dueAt: T0,
      createdBy: { id: 'aad-alex', name: 'Alex Coordinator', teamsId: '29:alex' },
    });
    if (ENGINE === 'pglite') {
      await db.close();
      db = undefined;
    }

    const child = spawn(process.execPath, ['--require', 'tsx/cjs', FIXTURE, dir ?? '', T0.toISO() ?? '', '60000'], {
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    assert.equal(await lineFrom(child, /^sending /), 'sending r-crash');
    child.kill('SIGKILL');
    await exited;

    if (ENGINE === 'pglite') {
      db = await openPglite(dir);
      await migrate(db);
    }
    if (!db) throw new Error('no database');
    const store = new ReminderStore(db);
    assert.deepEqual(
      (({ status, attempts }) => ({ status, attempts }))((await store.get('r-crash')) ?? { status: 'missing', attempts: -1 }),
      { status: 'claimed', attempts: 1 },
      'the dead process still holds the lease',
    );
    assert.equal(mock.messages().length, 0, 'nothing reached Teams before the kill');

    const dispatcher = new Dispatcher({
      queue: store,
      destinations: new ConversationDestinations(db, new ConversationStore(db)),
      content: new InspectionService({ inspections: new InspectionStore(db), reminders: store, records: [] }),
      sender: new ProactiveSender(createAdapter(loadConfig({}), silentLogger), '', silentLogger),
      limiter: new RateLimiter(),
      policy: DEFAULT_RETRY_POLICY,
      clock: realClock,
      random: Math.random,
      logger: silentLogger,
    });
    assert.equal((await dispatcher.runOnce(T0.plus({ seconds: 30 }))).claimed, 0, 'the lease is still running');
    assert.equal(mock.messages().length, 0);

    const report = await dispatcher.runOnce(T0.plus({ seconds: 61 }));
    assert.equal(report.sent, 1);
    const messages = mock.messages(CONVERSATION);
    assert.equal(messages.length, 1);
    assert.match(cardText(messages[0] ?? {}), /send the evaluations to the lead inspector/);

    assert.equal((await dispatcher.runOnce(T0.plus({ minutes: 10 }))).claimed, 0);
    assert.equal(mock.messages().length, 1, 'sent exactly once');
    const row = await store.get('r-crash');
    assert.equal(row?.status, 'sent');
    assert.equal(row?.attempts, 2);
    assert.equal(row?.sentConversationId, CONVERSATION);
  });
});
