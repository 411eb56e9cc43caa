// Copies the non-TypeScript assets (guidance content, card templates) beside the compiled code.
import fs from 'node:fs';
import path from 'node:path';

const pairs = [
  ['src/guidance/content', 'dist/guidance/content'],
  ['src/cards/templates', 'dist/cards/templates'],
];
for (const [from, to] of pairs) {
  if (!fs.existsSync(from)) continue;
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
}
