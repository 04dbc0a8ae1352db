import path from 'node:path';
import { z } from 'zod';
import { AppError } from './errors.js';

/**
 * Configuration, parsed once. Every problem is listed at once so an operator fixes them in one go.
 */
export interface Config {
  /** Where the embedded store, the key file and evidence live. */
  dataDir: string;
  /** PostgreSQL connection string; absent means the embedded SQLite store. */
  databaseUrl: string | undefined;
  /** Key file path (created with 0600 on first start when absent and no VERACITY_KEYS is set). */
  keyFile: string;
  /** Keys given in the environment instead of a file (JSON, same shape as the key file). */
  keysJson: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  server: ServerConfig;
  mail: MailConfig;
}

/** Escalation mail (P5.13): sent over SMTP when configured; kept in the outbox when not. */
export interface MailConfig {
  /** smtp:// or smtps:// URL, credentials included; undefined: mail waits in the outbox. */
  smtpUrl: string | undefined;
  /** The sender's address (`Name <addr>` or `addr`); required with an SMTP URL. */
  from: string | undefined;
  /** The console as staff reach it, for the links in mail. */
  publicUrl: string;
}

export interface ServerConfig {
  host: string;
  port: number;
  /** A session ends after this long without a request… */
  sessionIdleMinutes: number;
  /** …and after this long in any case. */
  sessionMaxHours: number;
  /** Cookies only over HTTPS: on whenever the console is served through TLS. */
  secureCookies: boolean;
  /** Behind a reverse proxy, take the client's address from X-Forwarded-For. */
  trustProxy: boolean;
  /** China time of day (HH:MM) the daily scan runs on working days; `off` to not schedule it. */
  scanAt: string | 'off';
}

const envSchema = z
  .object({
    VERACITY_DATA_DIR: z.string().min(1).optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    VERACITY_KEY_FILE: z.string().min(1).optional(),
    VERACITY_KEYS: z.string().min(1).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
    HOST: z.string().min(1).optional(),
    PORT: z.coerce.number().int().min(0).max(65535).optional(),
    VERACITY_SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .optional(),
    VERACITY_SESSION_MAX_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 7)
      .optional(),
    VERACITY_SECURE_COOKIES: z.enum(['true', 'false']).optional(),
    VERACITY_TRUST_PROXY: z.enum(['true', 'false']).optional(),
    VERACITY_SCAN_AT: z
      .string()
      .regex(/^(off|([01]\d|2[0-3]):[0-5]\d)$/, 'must be HH:MM (China time) or off')
      .optional(),
    VERACITY_SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^\s/]+/, 'must be smtp://[user:password@]host[:port] or smtps://…')
      .optional(),
    VERACITY_MAIL_FROM: z
      .string()
      .regex(
        /^([^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/,
        'must be addr@example.com or Name <addr@example.com>',
      )
      .optional(),
    VERACITY_PUBLIC_URL: z
      .string()
      .regex(/^https?:\/\/[^\s]+$/, 'must be the console address, http(s)://host[:port][/path]')
      .optional(),
  })
  .superRefine((e, context) => {
    if (e.VERACITY_SMTP_URL && !e.VERACITY_MAIL_FROM) {
      context.addIssue({ code: 'custom', path: ['VERACITY_MAIL_FROM'], message: 'required with VERACITY_SMTP_URL' });
    }
  });

export function loadConfig(
  options: { dataDir?: string; host?: string; port?: number } = {},
  env: NodeJS.ProcessEnv = process.env,
): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new AppError(
      'CONFIG',
      { zh: '配置有误，进程无法启动', en: 'the configuration is invalid; the process cannot start' },
      { details: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) },
    );
  }
  const e = parsed.data;
  const dataDir = path.resolve(options.dataDir ?? e.VERACITY_DATA_DIR ?? 'data');
  return {
    dataDir,
    databaseUrl: e.DATABASE_URL,
    keyFile: path.resolve(e.VERACITY_KEY_FILE ?? path.join(dataDir, 'keys.json')),
    keysJson: e.VERACITY_KEYS,
    logLevel: e.LOG_LEVEL ?? 'info',
    server: {
      host: options.host ?? e.HOST ?? '127.0.0.1',
      port: options.port ?? e.PORT ?? 3000,
      sessionIdleMinutes: e.VERACITY_SESSION_IDLE_MINUTES ?? 30,
      sessionMaxHours: e.VERACITY_SESSION_MAX_HOURS ?? 12,
      secureCookies: e.VERACITY_SECURE_COOKIES === 'true',
      trustProxy: e.VERACITY_TRUST_PROXY === 'true',
      scanAt: e.VERACITY_SCAN_AT ?? '06:30',
    },
    mail: {
      smtpUrl: e.VERACITY_SMTP_URL,
      from: e.VERACITY_MAIL_FROM,
      publicUrl: (
        e.VERACITY_PUBLIC_URL ?? `http://${options.host ?? e.HOST ?? '127.0.0.1'}:${options.port ?? e.PORT ?? 3000}`
      ).replace(/\/+$/, ''),
    },
  };
}
