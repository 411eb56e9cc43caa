import type { DateTime } from 'luxon';
import type { Logger } from '../log';
import { type DispatchReport, type Dispatcher, emptyReport } from '../reminders/dispatcher';

/**
 * Polls for due reminders every few seconds (and once at start-up, so reminders missed while
 * the bot was down go out at once). One run at a time; `stop` waits for the run in flight.
 */
export interface ReminderRunner {
  /** One pass at `now` (tests pass a fixed time); waits for any run in flight first. */
  runOnce(now?: DateTime): Promise<DispatchReport>;
  start(): void;
  stop(): Promise<void>;
}

export function createReminderRunner(options: { dispatcher: Dispatcher; now: () => DateTime; pollSeconds: number; logger: Logger }): ReminderRunner {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<DispatchReport> = Promise.resolve(emptyReport());
  let busy = false;
  let stopped = false;

  const runOnce = (now?: DateTime): Promise<DispatchReport> => {
    running = running
      .catch(() => emptyReport())
      .then(async () => {
        busy = true;
        try {
          return await options.dispatcher.runOnce(now ?? options.now());
        } finally {
          busy = false;
        }
      });
    return running;
  };

  const tick = (): void => {
    if (busy || stopped) return;
    runOnce().catch((err: unknown) => options.logger.error('reminders.run-failed', { error: err instanceof Error ? err.name : 'unknown' }));
  };

  return {
    runOnce,
    start() {
      if (timer || stopped) return;
      // At once: what came due while the bot was down goes out now (a later runOnce waits for it).
      tick();
      timer = setInterval(tick, options.pollSeconds * 1000);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running.catch(() => undefined);
    },
  };
}
