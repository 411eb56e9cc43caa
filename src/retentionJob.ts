import type { DateTime } from 'luxon';
import type { Logger } from './log';
import type { PurgeReport } from './reminders/retention';

/** How often the sweep runs: data goes on the day it expires, give or take a few hours. */
const EVERY_MS = 6 * 60 * 60 * 1000;

export interface RetentionJob {
  /** One sweep at `now`; what start() runs at start-up and then every few hours. */
  runOnce(now?: DateTime): Promise<PurgeReport>;
  start(): void;
  stop(): Promise<void>;
}

export function createRetentionJob(options: { purge: (now: DateTime) => Promise<PurgeReport>; now: () => DateTime; logger: Logger; everyMs?: number }): RetentionJob {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const runOnce = async (now?: DateTime): Promise<PurgeReport> => {
    const report = await options.purge(now ?? options.now());
    if (report.inspections > 0 || report.reminders > 0) options.logger.info('retention.purged', { ...report });
    return report;
  };
  const tick = (): void => {
    running = runOnce().catch((err: unknown) => options.logger.error('retention.failed', { error: err instanceof Error ? err.name : 'unknown' }));
  };
  return {
    runOnce,
    start() {
      if (timer) return;
      tick();
      timer = setInterval(tick, options.everyMs ?? EVERY_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
