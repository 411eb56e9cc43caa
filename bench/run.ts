import os from 'node:os';
import { benchAccuracy } from './accuracy';
import { benchHttp } from './http';
import { benchLatency } from './latency';
import { benchReminders } from './reminders';

/** `npm run bench`: prints numbers; asserts nothing. `--verbose` lists the missed questions. */
async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  console.log('JTAI assistant benchmark');
  console.log(`node ${process.version}, ${os.cpus().length} cores\n`);

  const acc = await benchAccuracy(verbose);
  console.log('Answer accuracy on the dev question set (scored with score-answers.mjs rules)');
  console.log(`  JTAI assistant:   answerable ${acc.answerable}   unanswerable declined ${acc.declined}`);
  console.log(`  plain BM25 (MiniSearch defaults over raw seed paragraphs): answerable ${acc.baselineAnswerable}   unanswerable declined ${acc.baselineDeclined}\n`);

  const lat = benchLatency();
  console.log(`In-process answer latency over ${lat.answers} questions never asked before: p50 ${lat.p50ms} ms, p99 ${lat.p99ms} ms, max ${lat.maxms} ms`);
  console.log(`  a question asked before (answer cache): p50 ${lat.cachedP50ms} ms\n`);

  const http = await benchHttp();
  console.log('Bot turns over HTTP (autocannon, 10 connections, expectReplies, loopback, both on the same 2 cores;');
  console.log('  each connection cycles through the 44 dev questions, so after the first round answers come from the cache)');
  console.log(`  JTAI assistant (answer card, PGlite state): ${http.botRps} req/s, p99 ${http.botP99ms} ms`);
  console.log(`  echo bot on the same stack:                 ${http.echoRps} req/s, p99 ${http.echoP99ms} ms`);
  console.log(`  ratio: ${http.ratio}x (median of ${http.ratios.length} alternating rounds: ${http.ratios.join(', ')})   errors: ${http.errors}`);
  console.log(`  server CPU per turn: ${http.botCpuUsPerTurn} µs against the echo bot's ${http.echoCpuUsPerTurn} µs, ratio ${http.cpuRatio}x (the same comparison by the servers' own work)`);
  console.log(`Start-up: ${http.startupMs} ms (restart), ${http.startupFreshDataDirMs} ms (new data folder); RSS after start ${http.rssAfterStartMb} MB, peak ${http.peakRssMb} MB\n`);

  const r = await benchReminders();
  console.log('Reminder dispatch from a backlog of 10,000 due reminders to a local mock Bot Connector');
  for (const [k, v] of Object.entries(r)) console.log(`  ${k}: ${v}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
