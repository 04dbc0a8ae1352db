import { CHANNELS, type Channel } from '../../shared/contract.js';
import { AppError } from '../errors.js';

/**
 * A data scope: the branches and channels a user or API key answers for. Empty lists mean the
 * whole company. A branch scope covers its sub-branches: `GD` covers `GD` and `GD-GZ`.
 */
export interface Scope {
  branches: string[];
  channels: Channel[];
}

export const WHOLE_COMPANY: Scope = { branches: [], channels: [] };

const BRANCH = /^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/;

/** `channel:agent`, `branch:GD-GZ`, or a bare value: a channel's name, else a branch code. */
export function parseScope(values: readonly string[]): Scope {
  const scope: Scope = { branches: [], channels: [] };
  const problems: string[] = [];
  for (const raw of values) {
    const [prefix, rest] = raw.includes(':') ? (raw.split(':', 2) as [string, string]) : ['', raw];
    const value = rest.trim();
    if (prefix === 'channel' || (prefix === '' && (CHANNELS as readonly string[]).includes(value))) {
      if ((CHANNELS as readonly string[]).includes(value)) scope.channels.push(value as Channel);
      else problems.push(`${raw}: channel must be one of ${CHANNELS.join(', ')}`);
    } else if (prefix === 'branch' || prefix === '') {
      if (BRANCH.test(value)) scope.branches.push(value);
      else problems.push(`${raw}: a branch code is letters and digits joined by '-'`);
    } else {
      problems.push(`${raw}: write channel:NAME or branch:CODE`);
    }
  }
  if (problems.length > 0) {
    throw new AppError('BAD_INPUT', { zh: '数据范围有误', en: 'the data scope is invalid' }, { details: problems });
  }
  return { branches: [...new Set(scope.branches)], channels: [...new Set(scope.channels)] };
}

export function isWholeCompany(scope: Scope): boolean {
  return scope.branches.length === 0 && scope.channels.length === 0;
}

export function branchInScope(scope: Scope, branch: string | null | undefined): boolean {
  if (scope.branches.length === 0) return true;
  if (!branch) return false;
  return scope.branches.some((b) => branch === b || branch.startsWith(`${b}-`));
}

export function channelInScope(scope: Scope, channel: string | null | undefined): boolean {
  if (scope.channels.length === 0) return true;
  return channel !== null && channel !== undefined && (scope.channels as string[]).includes(channel);
}

/** Whether a policy of this branch and channel is within the scope. */
export function inScope(scope: Scope, at: { branch: string | null | undefined; channel: string | null | undefined }) {
  return branchInScope(scope, at.branch) && channelInScope(scope, at.channel);
}

export function scopeFromJson(json: string): Scope {
  const parsed = JSON.parse(json) as Partial<Scope>;
  return { branches: parsed.branches ?? [], channels: parsed.channels ?? [] };
}

export function describeScope(scope: Scope): string {
  if (isWholeCompany(scope)) return '全公司 (whole company)';
  return [...scope.channels.map((c) => `channel:${c}`), ...scope.branches.map((b) => `branch:${b}`)].join(' ');
}
