// Runs the storage and bot tests again on a real PostgreSQL server when TEST_DATABASE_URL names one
// (.ci/run starts one); without it there is nothing to run against, and it says so.
import { spawnSync } from 'node:child_process';

const url = process.env.TEST_DATABASE_URL;
if (!url) {
  console.log('PostgreSQL storage and bot tests skipped: set TEST_DATABASE_URL=postgresql://... to run them on a real server.');
  process.exit(0);
}
const result = spawnSync('npx', ['mocha', '--no-config', '--require', 'tsx/cjs', '--extension', 'ts', '--timeout', '30000', '--exit', '--reporter', 'tests/reporter.cjs', 'tests/store/**/*.test.ts', 'tests/bot/**/*.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: url },
});
process.exit(result.status ?? 1);
