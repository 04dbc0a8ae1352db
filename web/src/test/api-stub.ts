import { vi } from 'vitest';

/** One request the console made, as the stubbed server saw it. */
export interface SeenRequest {
  method: string;
  /** Path and query, e.g. /api/v1/items?limit=20 */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  json: unknown;
  form: FormData | undefined;
}

type Answer = { status?: number; body?: unknown; headers?: Record<string, string> } | undefined;
export type Handler = (request: SeenRequest) => Answer;

/**
 * Stubs fetch with a table of `METHOD /path` → answer (the server is tested on its own). An
 * unlisted route answers 404 in the server's error shape, as a server without the route would.
 */
export function stubApi(routes: Record<string, Handler | Answer>) {
  const seen: SeenRequest[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://console.test');
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(
      Object.entries((init.headers as Record<string, string>) ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
    );
    const request: SeenRequest = {
      method,
      url: `${url.pathname}${url.search}`,
      path: url.pathname,
      query: url.searchParams,
      headers,
      json: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      form: init.body instanceof FormData ? init.body : undefined,
    };
    seen.push(request);
    const key = `${method} ${url.pathname}`;
    const route = routes[key] ?? Object.entries(routes).find(([pattern]) => matches(pattern, key))?.[1];
    const answer = typeof route === 'function' ? route(request) : route;
    if (!answer) {
      return json(404, {
        error: {
          code: 'NOT_FOUND',
          zh: `没有这个地址：${key}`,
          en: `no such route: ${key}`,
          details: [],
          requestId: 't',
        },
      });
    }
    return json(answer.status ?? 200, answer.body ?? {}, answer.headers);
  });
  vi.stubGlobal('fetch', fetchStub);
  return {
    seen,
    /** The requests to one `METHOD /path` (path without query). */
    calls: (method: string, path: string) => seen.filter((r) => r.method === method && r.path === path),
  };
}

/** `GET /api/v1/items/:itemNo` matches `GET /api/v1/items/PI-1`. */
function matches(pattern: string, key: string): boolean {
  if (!pattern.includes(':')) return false;
  const regex = new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+')}$`);
  return regex.test(key);
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}
