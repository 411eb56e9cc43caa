import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { type AppOptions, buildApp, type RunningApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/log';
import { listen } from '../../src/server';
import type { Database } from '../../src/store/database';

/**
 * The real app (adapter, routes, store) on an ephemeral port, driven over HTTP as Teams would.
 * `expectReplies` returns the bot's replies in the response body.
 */
export interface BotUnderTest {
  app: RunningApp;
  url: string;
  send(activity: Partial<TeamsActivity>): Promise<Array<Record<string, unknown>>>;
  invoke(activity: Partial<TeamsActivity>): Promise<{ status: number; body: Record<string, unknown> }>;
  stop(): Promise<void>;
}

export interface TeamsActivity {
  type: string;
  id: string;
  text: string;
  value: unknown;
  name: string;
  action: string;
  from: { id: string; name?: string; aadObjectId?: string };
  recipient: { id: string; name?: string };
  conversation: { id: string; conversationType: string; tenantId?: string; isGroup?: boolean };
  channelId: string;
  serviceUrl: string;
  entities: unknown[];
  attachments: Array<{ contentType: string; content: unknown }>;
  channelData: Record<string, unknown>;
  membersAdded: Array<{ id: string; name?: string }>;
  membersRemoved: Array<{ id: string; name?: string }>;
  deliveryMode: string;
  replyToId: string;
}

export const BOT = { id: '28:jtai-bot', name: 'JTAI assistant' };
export const USER = { id: '29:user-a', name: 'Alex Coordinator', aadObjectId: '00000000-0000-0000-0000-00000000000a' };
export const PERSONAL = { id: 'a:personal-conversation-1', conversationType: 'personal', tenantId: 'tenant-1' };

let seq = 0;
export function activity(overrides: Partial<TeamsActivity>, serviceUrl = 'http://127.0.0.1:9/'): TeamsActivity {
  return {
    type: 'message',
    id: `act-${++seq}`,
    text: '',
    value: undefined,
    name: '',
    action: '',
    from: USER,
    recipient: BOT,
    conversation: PERSONAL,
    channelId: 'msteams',
    serviceUrl,
    entities: [],
    channelData: { tenant: { id: 'tenant-1' } },
    membersAdded: [],
    membersRemoved: [],
    deliveryMode: 'normal',
    replyToId: '',
    ...overrides,
  } as TeamsActivity;
}

export async function startBot(options: { db: Database; now?: () => DateTime; env?: NodeJS.ProcessEnv } & Partial<AppOptions>): Promise<BotUnderTest> {
  const config = loadConfig({ PORT: '0', DATA_DIR: '/tmp/unused', ...(options.env ?? {}) });
  const app = await buildApp({ config, logger: silentLogger, db: options.db, now: options.now ?? (() => DateTime.now().setZone('Europe/London')) });
  await listen(app.server, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const post = async (a: Partial<TeamsActivity>) => {
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity({ deliveryMode: 'expectReplies', ...a })),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };
  return {
    app,
    url,
    async send(a) {
      const { status, body } = await post(a);
      if (status !== 200) throw new Error(`bot answered HTTP ${status}: ${JSON.stringify(body)}`);
      // teams-ai may add typing indicators; only messages matter to a person
      return ((body.activities as Array<Record<string, unknown>>) ?? []).filter((x) => x.type === 'message');
    },
    // an invoke's response comes back directly as the HTTP body when not batched by expectReplies
    invoke: (a) => post({ type: 'invoke', deliveryMode: 'normal', ...a }),
    stop: () => app.stop(),
  };
}

/** The text of every TextBlock and FactSet in an Adaptive Card reply, in order. */
export function cardText(reply: Record<string, unknown>): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
      if (o.type === 'Fact' || ('title' in o && 'value' in o && typeof o.value === 'string')) out.push(`${String(o.title)}: ${String(o.value)}`);
      for (const v of Object.values(o)) if (typeof v === 'object') walk(v);
    }
  };
  const attachments = (reply.attachments as Array<{ content?: unknown }>) ?? [];
  walk(attachments.map((a) => a.content));
  return [typeof reply.text === 'string' ? reply.text : '', ...out].filter(Boolean).join('\n');
}

/** The titles of a card's action buttons. */
export function cardButtons(reply: Record<string, unknown>): string[] {
  const attachments = (reply.attachments as Array<{ content?: { actions?: Array<{ title?: string }> } }>) ?? [];
  return attachments.flatMap((a) => (a.content?.actions ?? []).map((x) => x.title ?? ''));
}
