// Starts the bot and the Microsoft 365 Agents Playground together, for local use without Azure.
// Open http://localhost:56150 and chat. Ctrl+C stops both.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

const port = process.env.PORT ?? '3978';
const playgroundPort = process.env.PLAYGROUND_PORT ?? '56150';
const bin = (name) => path.join('node_modules', '.bin', name);

const bot = spawn(process.execPath, ['dist/index.js'], { stdio: 'inherit', env: { ...process.env, PORT: port } });

async function waitForBot() {
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await delay(250);
  }
  throw new Error(`the bot did not answer on http://127.0.0.1:${port}/healthz`);
}

let playground;
const stopAll = (code) => {
  bot.kill('SIGTERM');
  playground?.kill('SIGTERM');
  process.exitCode = code;
};
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
bot.on('exit', (code) => {
  playground?.kill('SIGTERM');
  process.exitCode = code ?? 0;
});

try {
  await waitForBot();
} catch (err) {
  console.error(String(err));
  stopAll(1);
}
playground = spawn(
  bin('agentsplayground'),
  ['-e', `http://127.0.0.1:${port}/api/messages`, '-c', 'msteams', '-p', playgroundPort, '--disable-telemetry'],
  // Without TEAMSAPPTESTER_BROWSER=none it tries to open a browser and exits where there is none.
  { stdio: 'inherit', env: { TEAMSAPPTESTER_BROWSER: 'none', ...process.env } },
);
playground.on('exit', (code) => {
  bot.kill('SIGTERM');
  process.exitCode = code ?? 0;
});
console.log(`\nJTAI assistant: open http://localhost:${playgroundPort} to chat with the bot (Ctrl+C to stop).\n`);
