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
}

const envSchema = z.object({
  VERACITY_DATA_DIR: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  VERACITY_KEY_FILE: z.string().min(1).optional(),
  VERACITY_KEYS: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
});

export function loadConfig(options: { dataDir?: string } = {}, env: NodeJS.ProcessEnv = process.env): Config {
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
  };
}
