/**
 * The one error type. Services throw it with a code; the CLI and (later) the HTTP error handler
 * map the code to an exit status or HTTP status and print both languages.
 */
export const ERROR_KINDS = {
  BAD_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNREADABLE_FILE: 422,
  THROTTLED: 429,
  CONFIG: 500,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;
export type ErrorKind = keyof typeof ERROR_KINDS;

export interface Bilingual {
  zh: string;
  en: string;
}

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly zh: string;
  readonly en: string;
  readonly details: readonly string[];

  constructor(kind: ErrorKind, message: Bilingual, options?: { details?: readonly string[]; cause?: unknown }) {
    super(`${message.zh} (${message.en})`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.kind = kind;
    this.zh = message.zh;
    this.en = message.en;
    this.details = options?.details ?? [];
  }

  get status(): number {
    return ERROR_KINDS[this.kind];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
