/**
 * The one way the console talks to the server: same-origin fetch with the session cookie, the
 * anti-forgery token on every change, and one error type carrying the server's bilingual message.
 */

export const API_BASE = '/api/v1';

/** A field the server found at fault (the Error body's `fields`). */
export interface FieldError {
  field: string;
  code: string;
  zh: string;
  en: string;
}

/** A failed request, as the server described it (`{ error: { code, zh, en, details, fields } }`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly details: string[];
  readonly fields: FieldError[];
  readonly requestId: string | undefined;

  constructor(
    status: number,
    body: { code?: string; zh?: string; en?: string; details?: string[]; fields?: FieldError[]; requestId?: string },
  ) {
    super(body.en ?? `HTTP ${status}`);
    this.status = status;
    this.code = body.code ?? 'INTERNAL';
    this.zh = body.zh ?? `请求失败（HTTP ${status}）`;
    this.en = body.en ?? `the request failed (HTTP ${status})`;
    this.details = body.details ?? [];
    this.fields = body.fields ?? [];
    this.requestId = body.requestId;
  }

  /** The route itself is not on this server (yet): 404 without a resource behind it. */
  get routeMissing(): boolean {
    return this.status === 404 && /no such route|没有这个地址/.test(`${this.en}${this.zh}`);
  }
}

let csrfToken: string | undefined;
const unauthenticatedListeners = new Set<() => void>();

/** The session's anti-forgery token, sent as X-CSRF-Token on every non-GET request. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called when the server answers 401: the session ended (expired, signed out elsewhere). */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export type Query = Record<string, string | number | boolean | undefined | null | readonly string[]>;

/** `?a=1&b=x`, leaving out what is empty. */
export function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, v);
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

interface RequestOptions {
  query?: Query;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as multipart/form-data. */
  form?: FormData;
  signal?: AbortSignal;
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}${queryString(options.query)}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, {
      code: 'UNAVAILABLE',
      zh: '无法连接服务器，请检查网络后重试',
      en: 'the server cannot be reached; check the network and try again',
    });
  }
  if (!response.ok) throw await errorOf(response, path);
  return response;
}

async function errorOf(response: Response, path: string): Promise<ApiError> {
  let body: { error?: ConstructorParameters<typeof ApiError>[1] } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // Not our error body (a proxy's page): keep the status.
  }
  const error = new ApiError(response.status, body.error ?? {});
  if (response.status === 401 && path !== '/session') for (const listener of unauthenticatedListeners) listener();
  return error;
}

/** A JSON request; resolves to the answer's body (undefined for 204). */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const get = <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal });
export const post = <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} });
export const put = <T>(path: string, body: unknown) => request<T>('PUT', path, { body });
export const del = <T>(path: string) => request<T>('DELETE', path);
export const upload = <T>(path: string, form: FormData) => request<T>('POST', path, { form });

/** The file name of a Content-Disposition header (RFC 6266, filename* first). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/** Downloads a file the server streams (an export), under the name the server gives. */
export async function download(path: string, query: Query | undefined, fallbackName: string): Promise<string> {
  const response = await send('GET', path, { query });
  const blob = await response.blob();
  const name = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return name;
}
