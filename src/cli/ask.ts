import readline from 'node:readline';
import { parseArgs } from 'node:util';
import type { Answerer } from '../guidance/answerer';
import { answerView, type AnswerView, viewToText } from '../guidance/view';

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  stdin: NodeJS.ReadableStream;
}

export function answerJson(v: AnswerView): string {
  return JSON.stringify({
    status: v.status,
    answer: viewToText(v),
    sources: v.sources.map((s) => ({ title: s.title, seed: s.seed, ref: s.ref, edition: s.edition })),
    suggestions: v.followUps.map((f) => f.question),
  });
}

/** `jtai ask [--json] "question"`; with --json and no question, one question per line from stdin. */
export async function runAsk(args: string[], io: CliIo, answerer: Answerer): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, allowPositionals: true });
  } catch (err) {
    io.err(`jtai ask: ${(err as Error).message}\nUsage: jtai ask [--json] "question"`);
    return 2;
  }
  const question = parsed.positionals.join(' ');
  const render = (q: string): string => {
    const view = answerView(answerer.answer(q));
    return parsed.values.json ? answerJson(view) : viewToText(view);
  };
  if (question.trim() !== '') {
    io.out(render(question));
    return 0;
  }
  if (!parsed.values.json) {
    io.err('Usage: jtai ask [--json] "question"   (with --json and no question, reads one question per line from standard input)');
    return 2;
  }
  const lines = readline.createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) io.out(render(line));
  return 0;
}
