import type { DateTime } from 'luxon';
import type { Logger } from './log';

/**
 * Work that runs once at start-up (what came due while the bot was down) and then every few
 * seconds or hours, one run at a time: a tick while a run is in flight is skipped, `runOnce`
 * waits for it, and `stop` waits for the run in flight.
 */
export interface PeriodicJob<T> {
  /** One run at `now` (tests pass a fixed time); waits for any run in flight first. */
  runOnce(now?: DateTime): Promise<T>;
  start(): void;
  stop(): Promise<void>;
}

export function createPeriodicJob<T>(options: {
  run: (now: DateTime) => Promise<T>;
  /** What runOnce reports when the run before it failed and nothing has run since. */
  none: () => T;
  now: () => DateTime;
  everyMs: number;
  logger: Logger;
  /** Logged, with the error's name only, when a run fails. */
  failedEvent: string;
}): PeriodicJob<T> {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<T> = Promise.resolve(options.none());
  let busy = false;
  let stopped = false;

  const runOnce = (now?: DateTime): Promise<T> => {
    running = running
      .catch(() => options.none())
      .then(async () => {
        busy = true;
        try {
          return await options.run(now ?? options.now());
        } finally {
          busy = false;
        }
      });
    return running;
  };

  const tick = (): void => {
    if (busy || stopped) return;
    runOnce().catch((err: unknown) => options.logger.error(options.failedEvent, { error: err instanceof Error ? err.name : 'unknown' }));
  };

  return {
    runOnce,
    start() {
      if (timer || stopped) return;
      tick();
      timer = setInterval(tick, options.everyMs);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running.catch(() => undefined);
    },
  };
}
