// Copies the non-TypeScript assets (guidance content and word lists, card templates) beside the compiled code.
import fs from 'node:fs';
import path from 'node:path';

const dirs = [
  ['src/guidance/content', 'dist/guidance/content'],
  ['src/cards/templates', 'dist/cards/templates'],
];
for (const [from, to] of dirs) {
  if (!fs.existsSync(from)) continue;
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
}
for (const file of fs.readdirSync('src/guidance')) {
  if (file.endsWith('.yaml')) fs.copyFileSync(path.join('src/guidance', file), path.join('dist/guidance', file));
}
