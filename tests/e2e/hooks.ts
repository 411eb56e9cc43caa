import { stopHarness } from './harness';

/**
 * Root hooks (loaded through .mocharc.json's `require`): whatever happened, the bot, the
 * Playground and Chromium are stopped once after the last e2e test.
 */
export const mochaHooks = {
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(30_000);
    await stopHarness();
  },
};
