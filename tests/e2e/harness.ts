import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

/**
 * End-to-end harness: the real bot (`node dist/index.js`, fresh PGlite data folder), the
 * Microsoft 365 Agents Playground pointed at it, and Debian's Chromium driving the
 * Playground's web page through playwright-core. Everything is started once for the whole
 * suite (see hooks.ts) and torn down even when a test or the start-up fails.
 *
 * What the user sees is asserted through the DOM: bot messages in chats are `.fai-OutputCard`
 * bubbles, in a channel every post and reply is a `.fui-Card` with the bot's cards
 * (`.ac-adaptiveCard`) inside. Replies are found by marking everything already on screen
 * before an action (`data-e2e-seen`) and waiting for a new bot message whose text matches.
 */

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SCREENSHOT_DIR = path.join(__dirname, 'screenshots');
export const DOCS_SCREENSHOT_DIR = path.join(REPO_ROOT, 'docs', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** How the Playground names the bot in its mention picker and message headers (its default config). */
export const PLAYGROUND_BOT_NAME = 'Test Bot';

const COMPOSE = 'div[role="textbox"][contenteditable="true"]';
/** Bot messages in chats, and cards inside channel posts/replies. */
const BOT_MESSAGE = '.fai-OutputCard, .fui-Card .ac-adaptiveCard';

const T = {
  botStart: 60_000,
  playgroundStart: 60_000,
  pageReady: 60_000,
  reply: 30_000,
  ui: 15_000,
  stop: 5_000,
} as const;

export type Scope = 'personal' | 'group' | 'channel';

const SCOPE_TREE_ITEM: Record<Scope, string> = {
  personal: 'Personal Chat',
  group: 'Group Chat',
  channel: 'My Team - General',
};

/** A bot message on screen: its text as the user reads it, and a locator that stays on it. */
export interface BotReply {
  readonly id: string;
  readonly text: string;
  readonly locator: Locator;
}

/** The minimum of the DOM the in-page callbacks use (the tests compile without the DOM lib). */
interface DomElement {
  readonly innerText: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  getBoundingClientRect(): { width: number; height: number };
}

// ---------------------------------------------------------------------------------------------
// Processes

/** A child process in its own process group, with its output kept (tail) and written to a file. */
class ManagedProcess {
  private tail = '';
  private readonly listeners = new Set<() => void>();
  readonly exited: Promise<number | null>;
  private exitCode: number | null | undefined;

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
    logFile: string,
  ) {
    const log = fs.createWriteStream(logFile);
    const onData = (chunk: Buffer) => {
      log.write(chunk);
      this.tail = (this.tail + chunk.toString('utf8')).slice(-64_000);
      for (const l of this.listeners) l();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitCode = code ?? (signal ? null : 0);
        live.delete(this);
        log.end();
        for (const l of this.listeners) l();
        resolve(this.exitCode);
      });
      child.once('error', (err) => {
        this.tail += `\n[spawn error] ${err.message}`;
        this.exitCode = null;
        live.delete(this);
        for (const l of this.listeners) l();
        resolve(null);
      });
    });
  }

  static start(
    name: string,
    command: string,
    args: string[],
    options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string },
  ): ManagedProcess {
    // detached: its own process group, so stop() reaches anything it spawns too.
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const p = new ManagedProcess(name, child, options.logFile);
    live.add(p);
    return p;
  }

  get hasExited(): boolean {
    return this.exitCode !== undefined;
  }

  output(): string {
    return this.tail;
  }

  /** Resolves with the first match of `pattern` in the output; rejects on exit or timeout. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const m = pattern.exec(this.tail);
        if (m) return done(() => resolve(m));
        if (this.hasExited)
          return done(() =>
            reject(
              new Error(
                `${this.name} exited (code ${String(this.exitCode)}) before printing ${pattern}:\n${this.tail.slice(-3000)}`,
              ),
            ),
          );
      };
      const timer = setTimeout(
        () =>
          done(() =>
            reject(
              new Error(`${this.name} did not print ${pattern} within ${timeoutMs} ms:\n${this.tail.slice(-3000)}`),
            ),
          ),
        timeoutMs,
      );
      const done = (f: () => void) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        f();
      };
      this.listeners.add(check);
      check();
    });
  }

  /** SIGTERM to the group, then SIGKILL if it is still there after a grace period. */
  async stop(): Promise<void> {
    if (this.hasExited || this.child.pid === undefined) return;
    signalGroup(this.child.pid, 'SIGTERM');
    const stopped = await Promise.race([this.exited.then(() => true), delay(T.stop).then(() => false)]);
    if (!stopped) {
      signalGroup(this.child.pid, 'SIGKILL');
      await Promise.race([this.exited, delay(T.stop)]);
    }
  }

  killNow(): void {
    if (!this.hasExited && this.child.pid !== undefined) signalGroup(this.child.pid, 'SIGKILL');
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

const live = new Set<ManagedProcess>();
const tempDirs = new Set<string>();
// Last resort (mocha's --exit, Ctrl+C, a crash): no process or temp folder outlives the test run.
process.on('exit', () => {
  for (const p of live) p.killNow();
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
});

/** A port that was free a moment ago: bind to port 0 and let the OS choose. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

async function waitForHealth(url: string, bot: ManagedProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (bot.hasExited) throw new Error(`the bot exited during start-up:\n${bot.output().slice(-3000)}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await delay(200);
  }
  throw new Error(`the bot did not answer ${url} within ${timeoutMs} ms:\n${bot.output().slice(-3000)}`);
}

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // A local bot without Azure credentials, on its own PGlite folder, whatever the caller's shell has.
  for (const key of [
    'DATABASE_URL',
    'MicrosoftAppId',
    'MicrosoftAppPassword',
    'MicrosoftAppType',
    'MicrosoftAppTenantId',
  ])
    delete env[key];
  return { ...env, ...extra };
}

// ---------------------------------------------------------------------------------------------
// The harness

export interface HarnessOptions {
  /** Extra environment for the bot. */
  readonly botEnv?: Record<string, string>;
}

export class E2EHarness {
  private scope: Scope = 'personal';
  private readonly visited = new Set<Scope>(['personal']);

  private constructor(
    readonly tmp: string,
    readonly botUrl: string,
    readonly playgroundUrl: string,
    private readonly bot: ManagedProcess,
    private readonly playground: ManagedProcess,
    private readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  /** Starts the bot, the Playground and Chromium; on any failure stops what did start. */
  static async start(options: HarnessOptions = {}): Promise<E2EHarness> {
    const dist = path.join(REPO_ROOT, 'dist', 'index.js');
    if (!fs.existsSync(dist)) throw new Error(`${dist} is missing: run "npm run build" first (npm run test:e2e does).`);
    if (!fs.existsSync(CHROMIUM))
      throw new Error(
        `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`,
      );
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jtai-e2e-'));
    tempDirs.add(tmp);
    for (const d of ['data', 'playground', 'profile']) fs.mkdirSync(path.join(tmp, d));
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });

    const started: ManagedProcess[] = [];
    let context: BrowserContext | undefined;
    try {
      const { bot, botPort } = await startBot(tmp, options.botEnv ?? {});
      started.push(bot);
      const botUrl = `http://127.0.0.1:${botPort}`;

      const playground = ManagedProcess.start(
        'agents playground',
        process.execPath,
        [
          path.join(REPO_ROOT, 'node_modules', '.bin', 'agentsplayground'),
          '-e',
          `${botUrl}/api/messages`,
          '-c',
          'msteams',
          '-p',
          String(await freePort()),
          '--disable-telemetry',
        ],
        // Its own cwd: it writes ./devTools/m365agentsplayground.log there.
        {
          cwd: path.join(tmp, 'playground'),
          env: cleanEnv({ TEAMSAPPTESTER_BROWSER: 'none' }),
          logFile: path.join(tmp, 'playground.out.log'),
        },
      );
      started.push(playground);
      // It falls back to a random port when the chosen one was taken meanwhile: read the real one.
      const listening = await playground.waitForOutput(/Listening on (\d+)/, T.playgroundStart);
      const playgroundUrl = `http://localhost:${listening[1] ?? ''}`;

      context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
        executablePath: CHROMIUM,
        headless: true,
        viewport: { width: 1700, height: 1000 },
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      const page = context.pages()[0] ?? (await context.newPage());
      page.setDefaultTimeout(T.ui);
      const harness = new E2EHarness(tmp, botUrl, playgroundUrl, bot, playground, context, page);
      await harness.openPlayground();
      return harness;
    } catch (err) {
      await context?.close().catch(() => undefined);
      for (const p of started.reverse()) await p.stop();
      keepLogs(tmp);
      removeTemp(tmp);
      throw err;
    }
  }

  /** Loads the page and waits until the Playground is connected and the bot's welcome is in the personal chat. */
  private async openPlayground(): Promise<void> {
    await this.page.goto(this.playgroundUrl, { timeout: T.pageReady });
    await this.page.locator(COMPOSE).first().waitFor({ timeout: T.pageReady });
    await this.page.getByText('Connected.', { exact: true }).waitFor({ timeout: T.pageReady });
    await this.page.locator('.fai-OutputCard').first().waitFor({ timeout: T.reply });
    this.scope = 'personal';
    await this.markSeen();
  }

  async stop(): Promise<void> {
    await this.context.close().catch(() => undefined);
    await this.playground.stop();
    await this.bot.stop();
    keepLogs(this.tmp);
    removeTemp(this.tmp);
  }

  /** The bot's output so far (JSON log lines; message text is never logged). */
  botOutput(): string {
    return this.bot.output();
  }

  // -------------------------------------------------------------------------------------------
  // Conversations

  get currentScope(): Scope {
    return this.scope;
  }

  /**
   * Opens the personal chat, the group chat or the General channel of "My Team". The first
   * time a conversation is opened the Playground installs the bot there and the bot posts its
   * welcome card: wait for it so that it is never taken for a reply.
   */
  async openConversation(scope: Scope): Promise<void> {
    if (scope === this.scope) return this.markSeen();
    await this.markSeen();
    await this.page.locator(`[role="treeitem"][aria-label="${SCOPE_TREE_ITEM[scope]}"]`).click();
    this.scope = scope;
    const compose =
      scope === 'channel'
        ? this.page.getByText('Start a new post', { exact: true })
        : this.page.locator('button[aria-label="Send Message"]');
    await compose.first().waitFor();
    if (!this.visited.has(scope)) {
      this.visited.add(scope);
      await this.waitForBotReply((t) => t.trim() !== '');
    }
    await this.markSeen();
  }

  /** Marks every bot message now on screen as seen: only later ones count as replies. */
  async markSeen(): Promise<void> {
    await this.page.locator(BOT_MESSAGE).evaluateAll((els: DomElement[]) => {
      for (const e of els) e.setAttribute('data-e2e-seen', '1');
    });
  }

  /**
   * Types a message and sends it. In a channel it starts a new post; `mentionBot` inserts a
   * real @mention through the Playground's picker (type "@", choose the bot).
   */
  async sendMessage(text: string, options: { mentionBot?: boolean } = {}): Promise<void> {
    await this.markSeen();
    const compose = this.page.locator(COMPOSE).first();
    await compose.click();
    if (options.mentionBot) {
      await this.page.keyboard.type('@');
      await this.page.locator('[role="menuitem"]', { hasText: PLAYGROUND_BOT_NAME }).first().click();
      await this.page.keyboard.type(' ');
    }
    await this.page.keyboard.type(text);
    if (this.scope === 'channel') await this.page.getByRole('button', { name: 'Post', exact: true }).click();
    else await this.page.locator('button[aria-label="Send Message"]').first().click();
    // Sent: the compose box is empty again.
    await this.page.waitForFunction(
      (sel: string) => {
        const doc = (globalThis as unknown as { document: { querySelector(s: string): DomElement | null } }).document;
        return (doc.querySelector(sel)?.innerText ?? '').trim() === '';
      },
      COMPOSE,
      { timeout: T.ui },
    );
  }

  /** Bot messages on screen, in document order, each given a stable `data-e2e-id`. */
  private async botMessages(onlyNew: boolean): Promise<Array<{ id: string; text: string }>> {
    const selector = onlyNew ? `:is(${BOT_MESSAGE}):not([data-e2e-seen])` : BOT_MESSAGE;
    return this.page.locator(selector).evaluateAll((els: DomElement[]) =>
      els
        .filter((e) => e.getBoundingClientRect().height > 0)
        .map((e) => {
          let id = e.getAttribute('data-e2e-id');
          if (!id) {
            id = `m${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
            e.setAttribute('data-e2e-id', id);
          }
          return { id, text: e.innerText };
        }),
    );
  }

  /** New bot messages (not marked seen) currently on screen, in document order. */
  newBotMessages(): Promise<Array<{ id: string; text: string }>> {
    return this.botMessages(true);
  }

  /** The bot messages on screen now, to compare with later (see expectNoBotReplySince). */
  async checkpoint(): Promise<ReadonlySet<string>> {
    return new Set((await this.botMessages(false)).map((m) => m.id));
  }

  /**
   * Fails if a bot message matching `predicate` appeared after `checkpoint`. Call it once
   * something that must come later (a reply to a follow-up message) has arrived: no sleeps.
   */
  async expectNoBotReplySince(checkpoint: ReadonlySet<string>, predicate: (text: string) => boolean): Promise<void> {
    const unexpected = (await this.botMessages(false)).filter((m) => !checkpoint.has(m.id) && predicate(m.text));
    if (unexpected.length > 0)
      throw new Error(`unexpected bot reply:\n${unexpected.map((m) => m.text.slice(0, 600)).join('\n---\n')}`);
  }

  /**
   * Waits for a new bot message whose visible text satisfies `predicate` and returns the
   * latest such message. On timeout it fails with what did arrive, and a screenshot.
   */
  async waitForBotReply(predicate: (text: string) => boolean, timeoutMs: number = T.reply): Promise<BotReply> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const seen = await this.newBotMessages();
      const match = seen.filter((m) => predicate(m.text)).at(-1);
      if (match) return { ...match, locator: this.page.locator(`[data-e2e-id="${match.id}"]`) };
      if (Date.now() > deadline) {
        const shot = await this.screenshot(`timeout-${Date.now()}`);
        const got =
          seen.length === 0 ? 'no new bot message' : seen.map((m) => `---\n${m.text.slice(0, 600)}`).join('\n');
        throw new Error(`no matching bot reply within ${timeoutMs} ms (screenshot ${shot}); new bot messages:\n${got}`);
      }
      await delay(250);
    }
  }

  /** A card button by its title (exact, or a prefix when titles are shortened), in `within` or anywhere. */
  cardButton(title: string, options: { within?: BotReply; prefix?: boolean } = {}): Locator {
    const root = options.within?.locator ?? this.page;
    const attr = options.prefix ? `aria-label^=${JSON.stringify(title)}` : `aria-label=${JSON.stringify(title)}`;
    return root.locator(`.ac-actionSet button[${attr}]`);
  }

  /** Clicks a card button; replies after the click count as new. */
  async clickCardButton(title: string, options: { within?: BotReply; prefix?: boolean } = {}): Promise<void> {
    const button = this.cardButton(title, options).last();
    await button.waitFor();
    await this.markSeen();
    await button.click();
  }

  /** The texts of a card's TextBlocks, in order (what the user reads, line by line). */
  async textBlocks(reply: BotReply): Promise<string[]> {
    return reply.locator
      .locator('.ac-textBlock')
      .evaluateAll((els: DomElement[]) => els.map((e) => e.innerText.trim()));
  }

  /** The titles of a card's buttons, in order. */
  async buttonTitles(reply: BotReply): Promise<string[]> {
    return reply.locator
      .locator('.ac-actionSet button')
      .evaluateAll((els: DomElement[]) => els.map((e) => e.getAttribute('aria-label') ?? e.innerText.trim()));
  }

  // -------------------------------------------------------------------------------------------
  // Message extension (Playground: "+" > Search Command > Command ID / parameter > search term)

  /** Runs the search-based message extension and returns the result titles shown. */
  async searchMessageExtension(
    commandId: string,
    parameter: string,
    query: string,
  ): Promise<{ titles: () => Promise<string[]>; surface: Locator }> {
    await this.page.locator('button[aria-label^="Trigger Message Extension"]').first().click();
    await this.page.locator('[role="menuitem"]', { hasText: 'Search Command' }).click();
    const surface = this.page.locator('.fui-PopoverSurface', { hasText: 'Search-Based Message Extension' });
    await surface.waitFor();
    await surface.getByText('Specify Command ID or Parameter').click();
    await surface.locator('input[placeholder="Command ID"]').fill(commandId);
    await surface.locator('input[placeholder="Parameter name"]').fill(parameter);
    const search = surface.locator('input[placeholder="Enter a search term"]');
    await search.fill(query);
    await search.press('Enter');
    return {
      surface,
      titles: () => surface.locator('h1').evaluateAll((els: DomElement[]) => els.map((e) => e.innerText.trim())),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Screenshots

  /** A viewport screenshot in tests/e2e/screenshots/ (kept out of git). */
  async screenshot(name: string): Promise<string> {
    const file = path.join(SCREENSHOT_DIR, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /**
   * A README screenshot: the conversation pane around `reply` (~1000 px wide), written to
   * docs/screenshots/ only when E2E_DOC_SCREENSHOTS=1, so ordinary runs leave git clean.
   */
  async docScreenshot(name: string, reply: BotReply, options: { above?: number } = {}): Promise<void> {
    if (process.env.E2E_DOC_SCREENSHOTS !== '1') return;
    await reply.locator.scrollIntoViewIfNeeded();
    const pane = await this.conversationPane();
    const box = await reply.locator.boundingBox();
    if (!pane || !box) return;
    // From the user's question just above the reply to the bottom of the card (not the Playground's notes below it).
    const top = Math.max(pane.y, box.y - (options.above ?? 64));
    const bottom = Math.min(pane.y + pane.height, box.y + box.height + 3);
    fs.mkdirSync(DOCS_SCREENSHOT_DIR, { recursive: true });
    await this.page.screenshot({
      path: path.join(DOCS_SCREENSHOT_DIR, `${name}.png`),
      clip: { x: pane.x, y: top, width: pane.width, height: bottom - top },
    });
  }

  /** Between the conversation list and the log panel. */
  private async conversationPane(): Promise<{ x: number; y: number; width: number; height: number } | undefined> {
    const list = await this.page.locator('[role="treeitem"][aria-label="Personal Chat"]').boundingBox();
    const log = await this.page.getByText('Log Panel', { exact: true }).boundingBox();
    const viewport = this.page.viewportSize();
    if (!list || !viewport) return undefined;
    const x = Math.round(list.x + list.width + 8);
    const right = log ? Math.round(log.x - 20) : viewport.width;
    return { x, y: 48, width: Math.max(200, right - x), height: viewport.height - 48 };
  }
}

async function startBot(
  tmp: string,
  extraEnv: Record<string, string>,
): Promise<{ bot: ManagedProcess; botPort: number }> {
  // A port chosen by binding to 0 can be taken again before the bot binds it: retry then.
  let lastError: unknown;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const botPort = await freePort();
    const bot = ManagedProcess.start('bot', process.execPath, [path.join(REPO_ROOT, 'dist', 'index.js')], {
      cwd: REPO_ROOT,
      env: cleanEnv({
        PORT: String(botPort),
        DATA_DIR: path.join(tmp, 'data', `attempt-${attempt}`),
        LOG_LEVEL: 'info',
        ...extraEnv,
      }),
      logFile: path.join(tmp, `bot-${attempt}.log`),
    });
    try {
      await waitForHealth(`http://127.0.0.1:${botPort}/healthz`, bot, T.botStart);
      return { bot, botPort };
    } catch (err) {
      lastError = err;
      await bot.stop();
      if (!/EADDRINUSE/.test(bot.output())) break;
    }
  }
  throw lastError;
}

function removeTemp(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
  tempDirs.delete(dir);
}

/** Copies the bot and Playground logs next to the screenshots (both gitignored) before the temp folder goes. */
function keepLogs(tmp: string): void {
  try {
    const dir = path.join(SCREENSHOT_DIR, 'logs');
    fs.mkdirSync(dir, { recursive: true });
    for (const f of fs.readdirSync(tmp)) if (f.endsWith('.log')) fs.copyFileSync(path.join(tmp, f), path.join(dir, f));
    const pg = path.join(tmp, 'playground', 'devTools', 'm365agentsplayground.log');
    if (fs.existsSync(pg)) fs.copyFileSync(pg, path.join(dir, 'm365agentsplayground.log'));
  } catch {
    // logs are a convenience
  }
}

// ---------------------------------------------------------------------------------------------
// One harness for the whole suite

let shared: Promise<E2EHarness> | undefined;

/** The suite's harness, started on first use (hooks.ts stops it after the last test). */
export function harness(): Promise<E2EHarness> {
  shared ??= E2EHarness.start({ botEnv: { REMINDER_POLL_SECONDS: '1' } });
  return shared;
}

export async function stopHarness(): Promise<void> {
  const h = shared;
  shared = undefined;
  if (!h) return;
  const started = await h.catch(() => undefined);
  await started?.stop();
}

/**
 * Registers the suite's `before` (start or reuse the harness, open the personal chat) in the
 * calling describe, and returns a getter for the harness.
 */
export function useHarness(): () => E2EHarness {
  let h: E2EHarness | undefined;
  before(async function () {
    this.timeout(T.botStart + T.playgroundStart + T.pageReady);
    h = await harness();
  });
  return () => {
    if (!h) throw new Error('the e2e harness did not start (see the before hook failure)');
    return h;
  };
}
