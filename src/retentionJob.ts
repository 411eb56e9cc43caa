import type { DateTime } from 'luxon';
import type { Logger } from './log';
import { type PeriodicJob, createPeriodicJob } from './periodicJob';
import type { PurgeReport } from './reminders/retention';

/** How often the sweep runs: data goes on the day it expires, give or take a few hours. */
const EVERY_MS = 6 * 60 * 60 * 1000;

/** Deletes inspection data past its retention period, at start-up and every few hours. */
export type RetentionJob = PeriodicJob<PurgeReport>;

export function createRetentionJob(options: { purge: (now: DateTime) => Promise<PurgeReport>; now: () => DateTime; logger: Logger }): RetentionJob {
  return createPeriodicJob({
    run: async (now) => {
      const report = await options.purge(now);
      if (report.inspections > 0 || report.reminders > 0) options.logger.info('retention.purged', { ...report });
      return report;
    },
    none: () => ({ inspections: 0, reminders: 0 }),
    now: options.now,
    everyMs: EVERY_MS,
    logger: options.logger,
    failedEvent: 'retention.failed',
  });
}
