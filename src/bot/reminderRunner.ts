import type { DateTime } from 'luxon';
import type { Logger } from '../log';
import { type PeriodicJob, createPeriodicJob } from '../periodicJob';
import { type DispatchReport, type Dispatcher, emptyReport } from '../reminders/dispatcher';

/** Polls for due reminders every few seconds, and once at start-up so reminders missed while the bot was down go out at once. */
export type ReminderRunner = PeriodicJob<DispatchReport>;

export function createReminderRunner(options: { dispatcher: Dispatcher; now: () => DateTime; pollSeconds: number; logger: Logger }): ReminderRunner {
  return createPeriodicJob({
    run: (now) => options.dispatcher.runOnce(now),
    none: emptyReport,
    now: options.now,
    everyMs: options.pollSeconds * 1000,
    logger: options.logger,
    failedEvent: 'reminders.run-failed',
  });
}
