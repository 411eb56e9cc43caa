import path from 'node:path';
import { z } from 'zod';

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM');
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: optionalText,
  /** What the guidance's named times mean for this partnership. */
  START_OF_DAY: HHMM.default('09:00'),
  MIDDAY: HHMM.default('12:00'),
  MID_AFTERNOON: HHMM.default('15:00'),
  END_OF_DAY: HHMM.default('17:00'),
  /** How often the reminder dispatcher looks for due reminders. */
  REMINDER_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  /** How long a claimed reminder is held before another process may take it over. */
  REMINDER_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  /** Sends tried before a reminder is given up (429/412/5xx are retried with backoff). */
  REMINDER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** `off` keeps this process from sending reminders (another instance does, or a test drives it). */
  REMINDER_DISPATCH: z.enum(['on', 'off']).default('on'),
  /** The bot's public base URL, for links in cards (the calendar file); else BOT_ENDPOINT, else localhost. */
  PUBLIC_URL: optionalText.pipe(z.string().url('must be a URL such as https://jtai.example.org').optional()),
  BOT_ENDPOINT: optionalText.pipe(z.string().url('must be a URL such as https://abcd-3978.devtunnels.ms').optional()),
  /** Days an inspection's stored data is kept after its last milestone (or after it was replaced). */
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export interface Config {
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  bot: {
    appId: string | undefined;
    appPassword: string | undefined;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    tenantId: string | undefined;
  };
  dayTimes: { startOfDay: string; midday: string; midAfternoon: string; endOfDay: string };
  reminderPollSeconds: number;
  reminderLeaseSeconds: number;
  reminderMaxAttempts: number;
  reminderDispatch: boolean;
  /** Without a trailing slash. */
  publicUrl: string;
  retentionDays: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The one place that reads the environment; a bad value stops start-up with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  if (e.MicrosoftAppId && !e.MicrosoftAppPassword && e.MicrosoftAppType !== 'UserAssignedMSI') {
    throw new ConfigError('Invalid configuration:\n  MicrosoftAppPassword: required when MicrosoftAppId is set');
  }
  if (e.MicrosoftAppType === 'SingleTenant' && e.MicrosoftAppId && !e.MicrosoftAppTenantId) {
    throw new ConfigError('Invalid configuration:\n  MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant');
  }
  return {
    port: e.PORT,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    bot: { appId: e.MicrosoftAppId, appPassword: e.MicrosoftAppPassword, appType: e.MicrosoftAppType, tenantId: e.MicrosoftAppTenantId },
    dayTimes: { startOfDay: e.START_OF_DAY, midday: e.MIDDAY, midAfternoon: e.MID_AFTERNOON, endOfDay: e.END_OF_DAY },
    reminderPollSeconds: e.REMINDER_POLL_SECONDS,
    reminderLeaseSeconds: e.REMINDER_LEASE_SECONDS,
    reminderMaxAttempts: e.REMINDER_MAX_ATTEMPTS,
    reminderDispatch: e.REMINDER_DISPATCH === 'on',
    publicUrl: (e.PUBLIC_URL ?? e.BOT_ENDPOINT ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    retentionDays: e.RETENTION_DAYS,
    logLevel: e.LOG_LEVEL,
  };
}
