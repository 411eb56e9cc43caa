import assert from 'node:assert/strict';
import type { Database } from '../../src/store/database';
import { BOT, type BotUnderTest, cardButtons, cardText, startBot } from '../helpers/botHttp';
import { resetDatabase, testDatabase } from '../helpers/db';

const CHANNEL = { id: '19:channel-general@thread.tacv2', conversationType: 'channel', tenantId: 'tenant-1' };
const GROUP = { id: '19:group-chat-1@thread.v2', conversationType: 'groupChat', tenantId: 'tenant-1', isGroup: true };
const mention = { type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: { id: BOT.id, name: BOT.name } };

describe('answering questions in Teams, through HTTP and the real adapter', () => {
  let db: Database;
  let bot: BotUnderTest;
  before(async () => {
    db = await testDatabase();
    await resetDatabase(db);
    bot = await startBot({ db });
  });
  after(() => bot.stop());

  it('answers a question in a personal chat with a cited answer card', async () => {
    const [reply, ...rest] = await bot.send({ text: 'when do we recieve the draft report?' });
    assert.equal(rest.length, 0);
    assert.ok(reply);
    const text = cardText(reply);
    assert.match(text, /Friday of week 6/);
    assert.match(text, /Source: .*003_d0033c1fea1300a3\.txt/);
    assert.ok(cardButtons(reply).length <= 3);
  });

  it('answers in a group chat without a mention', async () => {
    const replies = await bot.send({ text: 'what does MARAC stand for?', conversation: GROUP });
    assert.match(cardText(replies[0] ?? {}), /multi-agency risk assessment conference/i);
  });

  it('stays quiet in a channel unless @mentioned, commands included, and strips the mention when it is', async () => {
    assert.deepEqual(await bot.send({ text: 'when is the draft report?', conversation: CHANNEL }), []);
    assert.deepEqual(await bot.send({ text: 'help', conversation: CHANNEL }), []);
    assert.deepEqual(await bot.send({ text: 'timeline 1 June 2026', conversation: CHANNEL }), []);
    const replies = await bot.send({ text: `<at>${BOT.name}</at> when is the draft report?`, conversation: CHANNEL, entities: [mention] });
    assert.match(cardText(replies[0] ?? {}), /Friday of week 6/);
    const help = await bot.send({ text: `<at>${BOT.name}</at> help`, conversation: CHANNEL, entities: [mention] });
    assert.match(cardText(help[0] ?? {}), /set inspection DATE/);
  });

  it('answers the question a follow-up button asks', async () => {
    const replies = await bot.send({ text: '', value: { verb: 'ask', question: 'What does ESN 28 say?' } });
    assert.match(cardText(replies[0] ?? {}), /stop living together/);
  });

  it('shows exactly the record a follow-up button names, and falls back to the question for an unknown id', async () => {
    const named = await bot.send({ text: '', value: { verb: 'ask', question: 'anything', recordId: 'timescale-first-review-conference' } });
    assert.match(cardText(named[0] ?? {}), /within 3 months of the initial/i);
    const unknown = await bot.send({ text: '', value: { verb: 'ask', question: 'What does ESN 28 say?', recordId: 'no-such-record' } });
    assert.match(cardText(unknown[0] ?? {}), /stop living together/);
  });

  it('declines honestly what the guidance does not cover, saying what it does cover', async () => {
    const replies = await bot.send({ text: 'how do i do a vlookup in excel to match two spreadsheets?' });
    const text = cardText(replies[0] ?? {});
    assert.match(text, /Not in the inspection guidance/);
    assert.match(text, /evaluation criteria \(ESN 23-38\)/);
    assert.match(text, /safeguarding partnership procedures/);
  });

  it('replies politely to empty, huge, emoji, control-character and non-English messages', async () => {
    const inputs = ['', '   ', 'x'.repeat(40_000), '🙂🙂🙂', 'when\u0000 is\u0007 the draft\u001b report?', '¿Cuándo llega el informe?', '报告什么时候发布？'];
    for (const text of inputs) {
      const replies = await bot.send({ text });
      assert.equal(replies.length, 1, `one reply for ${JSON.stringify(text.slice(0, 20))}`);
      assert.ok(cardText(replies[0] ?? {}).length > 20);
    }
    assert.match(cardText((await bot.send({ text: 'x'.repeat(40_000) }))[0] ?? {}), /too long/);
  });

  it('shows the help card on "help" and a welcome card when added to a team', async () => {
    assert.match(cardText((await bot.send({ text: 'help' }))[0] ?? {}), /What I can do/);
    const added = await bot.send({ type: 'conversationUpdate', conversation: CHANNEL, membersAdded: [{ id: BOT.id }] });
    const welcome = cardText(added[0] ?? {});
    assert.match(welcome, /Hello, I am the JTAI assistant/);
    assert.match(welcome, /Coordinators: tell me the date you were notified \("set inspection 1 June 2026"\)/);
    assert.match(welcome, /do not type children's names or dates of birth/);
  });

  it('stores the conversation reference on every turn and retires it on uninstall', async () => {
    await bot.send({ text: 'hello', conversation: GROUP });
    const { rows } = await db.query<{ active: boolean; reference: { serviceUrl: string } }>('SELECT active, reference FROM conversations WHERE conversation_id = $1', [GROUP.id]);
    assert.equal(rows[0]?.active, true);
    assert.equal(rows[0]?.reference.serviceUrl, 'http://127.0.0.1:9/');
    await bot.send({ type: 'installationUpdate', action: 'remove', conversation: GROUP });
    const after = await db.query<{ active: boolean }>('SELECT active FROM conversations WHERE conversation_id = $1', [GROUP.id]);
    assert.equal(after.rows[0]?.active, false);
  });

  it('returns guidance cards to the compose-box search (message extension)', async () => {
    const { status, body } = await bot.invoke({
      name: 'composeExtension/query',
      value: { commandId: 'searchGuidance', parameters: [{ name: 'query', value: 'draft report' }], queryOptions: { skip: 0, count: 5 } },
    });
    assert.equal(status, 200);
    const result = (body as { composeExtension: { type: string; attachments: Array<{ content: unknown; preview: { content: { title: string } } }> } }).composeExtension;
    assert.equal(result.type, 'result');
    assert.ok(result.attachments.length >= 1);
    assert.match(result.attachments[0]?.preview.content.title ?? '', /[Dd]raft/);
    assert.match(cardText({ attachments: result.attachments }), /Friday of week 6/);
  });

  it('does not treat a card the user inserted from the compose box as a question', async () => {
    const card = { contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.5', body: [] } };
    assert.deepEqual(await bot.send({ text: '<span class="inline-compose-card" itemid="0"></span>', attachments: [card] }), []);
    assert.deepEqual(await bot.send({ text: '', attachments: [card] }), []);
    const replies = await bot.send({ text: 'what is ESN 23?', attachments: [card] });
    assert.match(cardText(replies[0] ?? {}), /ESN 23/);
  });

  it('rejects a post that is not an activity with a 400 naming what is missing, and keeps answering', async () => {
    const post = (body: string) => fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const noConversation = await post(JSON.stringify({ type: 'message', text: 'hi', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9/' }));
    assert.equal(noConversation.status, 400);
    assert.match(((await noConversation.json()) as { error: string }).error, /^Not a Bot Framework activity: conversation: Required/);
    const noReplyAddress = await post(JSON.stringify({ type: 'message', text: 'hi', channelId: 'msteams', serviceUrl: 'not a url', conversation: { id: 'a:1' } }));
    assert.equal(noReplyAddress.status, 400);
    assert.match(((await noReplyAddress.json()) as { error: string }).error, /^Not a Bot Framework activity: serviceUrl: Invalid url/);
    assert.equal((await post('{not json')).status, 400);
    assert.equal((await post('[]')).status, 400);
    assert.match(cardText((await bot.send({ text: 'what does MARAC stand for?' }))[0] ?? {}), /multi-agency risk assessment conference/i);
  });

  it('keeps answering after a bad card submission', async () => {
    const replies = await bot.send({ text: '', value: { verb: 'ask', question: 42 } });
    assert.match(String(replies[0]?.text ?? ''), /could not read that button/);
    assert.equal((await bot.send({ text: 'ESN 23' })).length, 1);
  });
});
