import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import autocannon from 'autocannon';
import { loadQuestions } from './accuracy';
import { percentile, round } from './latency';

const ROOT = path.resolve(__dirname, '..');

function rssMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return round(kb / 1024, 1);
}

async function waitHealthy(port: number, child: ChildProcess): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString('utf8')).slice(-2000)));
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch {
      // not up yet
    }
    await delay(25);
  }
  throw new Error(`no answer on port ${port}`);
}

function activityBody(text: string): string {
  return JSON.stringify({
    type: 'message',
    id: 'bench-1',
    text,
    from: { id: '29:bench-user', name: 'Bench' },
    recipient: { id: '28:bot', name: 'bot' },
    conversation: { id: 'a:bench-conversation', conversationType: 'personal', tenantId: 'tenant-bench' },
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    deliveryMode: 'expectReplies',
  });
}

/** CPU time the process has used, user and system, in microseconds (clock ticks are 1/100 s). */
function cpuMicros(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

interface Round {
  rps: number;
  p99: number;
  errors: number;
  /** The server's own CPU time per request, whatever share of the two cores the load generator took. */
  cpuUs: number;
}

async function load(port: number, pid: number, texts: string[], seconds: number): Promise<Round> {
  const cpuBefore = cpuMicros(pid);
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/messages`,
    method: 'POST',
    connections: 10,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    requests: texts.map((t) => ({ method: 'POST', body: activityBody(t) })),
  });
  const cpuUs = (cpuMicros(pid) - cpuBefore) / Math.max(1, result.requests.total);
  return { rps: round(result.requests.average, 0), p99: result.latency.p99, errors: result.errors + result.non2xx, cpuUs };
}

export interface HttpResult {
  startupMs: number;
  startupFreshDataDirMs: number;
  rssAfterStartMb: number;
  peakRssMb: number;
  botRps: number;
  botP99ms: number;
  echoRps: number;
  echoP99ms: number;
  ratio: number;
  /** Each round's ratio, to show how much the host moved them. */
  ratios: number[];
  botCpuUsPerTurn: number;
  echoCpuUsPerTurn: number;
  /** Echo bot's CPU per turn over ours: the same comparison as `ratio`, by the servers' own work. */
  cpuRatio: number;
  errors: number;
}

async function startBot(dataDir: string, port: number): Promise<{ child: ChildProcess; ms: number }> {
  const t = Date.now();
  const child = spawn(process.execPath, ['dist/index.js'], { cwd: ROOT, env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' }, stdio: ['ignore', 'ignore', 'pipe'] });
  await waitHealthy(port, child);
  return { child, ms: Date.now() - t };
}

async function stop(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
}

/** The middle value: one round disturbed by the host moves it less than it moves a mean. */
function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/**
 * Both servers run side by side and take turns under load, round after round, so a slow spell
 * on the host falls on both rather than on whichever happened to be measured then; each figure
 * is the median over the rounds, and the ratio is the median of the rounds' own ratios.
 */
export async function benchHttp(secondsPerRound = 3, rounds = 7): Promise<HttpResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jtai-bench-'));
  const children: ChildProcess[] = [];
  try {
    // first start creates the embedded database; the second is a normal restart
    const fresh = await startBot(dataDir, 3991);
    await stop(fresh.child);
    const bot = await startBot(dataDir, 3991);
    children.push(bot.child);
    const botPid = bot.child.pid ?? 0;
    const rssAfterStartMb = rssMb(botPid, 'VmRSS');
    const echo = spawn(process.execPath, ['--require', 'tsx/cjs', 'bench/echoBot.ts'], { cwd: ROOT, env: { ...process.env, PORT: '3992' }, stdio: ['ignore', 'ignore', 'pipe'] });
    children.push(echo);
    await waitHealthy(3992, echo);

    const questions = loadQuestions().map((q) => q.q);
    const echoPid = echo.pid ?? 0;
    await load(3991, botPid, questions, 1);
    await load(3992, echoPid, questions, 1);
    const ours: Round[] = [];
    const theirs: Round[] = [];
    for (let r = 0; r < rounds; r++) {
      // alternate which goes first, so neither always follows the other's garbage collection
      if (r % 2 === 0) {
        ours.push(await load(3991, botPid, questions, secondsPerRound));
        theirs.push(await load(3992, echoPid, questions, secondsPerRound));
      } else {
        theirs.push(await load(3992, echoPid, questions, secondsPerRound));
        ours.push(await load(3991, botPid, questions, secondsPerRound));
      }
    }
    const peakRssMb = rssMb(botPid, 'VmHWM');
    const ratios = ours.map((o, i) => o.rps / Math.max(1, theirs[i]?.rps ?? 0));
    return {
      startupMs: bot.ms,
      startupFreshDataDirMs: fresh.ms,
      rssAfterStartMb,
      peakRssMb,
      botRps: round(median(ours.map((o) => o.rps)), 0),
      botP99ms: median(ours.map((o) => o.p99)),
      echoRps: round(median(theirs.map((o) => o.rps)), 0),
      echoP99ms: median(theirs.map((o) => o.p99)),
      ratio: round(median(ratios), 2),
      ratios: ratios.map((x) => round(x, 2)),
      botCpuUsPerTurn: round(median(ours.map((o) => o.cpuUs)), 0),
      echoCpuUsPerTurn: round(median(theirs.map((o) => o.cpuUs)), 0),
      cpuRatio: round(median(theirs.map((t, i) => t.cpuUs / Math.max(1, ours[i]?.cpuUs ?? 0))), 2),
      errors: [...ours, ...theirs].reduce((sum, o) => sum + o.errors, 0),
    };
  } finally {
    await Promise.all(children.map(stop));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
