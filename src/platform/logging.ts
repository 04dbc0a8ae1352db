import { type Logger, pino } from 'pino';

/**
 * Structured JSON logs on stderr (stdout belongs to command output). Personal values never reach
 * a log call; the redaction list is a second line of defence for fields that might carry one.
 */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    {
      level,
      base: { app: 'veracity' },
      redact: {
        paths: ['*.idNo', '*.phones', '*.accountNo', '*.address', '*.name', '*.holderIdNo', '*.holderName'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

export type { Logger };
