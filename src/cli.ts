import { DateTime } from 'luxon';
import { runAsk } from './cli/ask';
import { runTimeline } from './cli/timeline';
import { loadGuidance } from './guidance';

const USAGE = `Usage:
  jtai ask [--json] "question"        answer a question from the JTAI guidance
  jtai ask --json < questions.txt     answer one question per line, one JSON object per line
  jtai timeline --notified YYYY-MM-DD [--edition 2024|2018] [--json] [--ics]`;

export async function main(argv: string[]): Promise<number> {
  const io = {
    out: (s: string) => void process.stdout.write(s + '\n'),
    err: (s: string) => void process.stderr.write(s + '\n'),
    stdin: process.stdin,
  };
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'ask':
        return await runAsk(rest, io, loadGuidance().answerer);
      case 'timeline': {
        return await runTimeline(rest, io, DateTime.now().setZone('Europe/London'), [...loadGuidance().kb.records]);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        io.err(`jtai: unknown command "${command}"\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    io.err(`jtai: ${(err as Error).message}`);
    return 1;
  }
}
