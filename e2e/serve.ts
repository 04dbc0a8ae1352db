import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * `veracity serve --demo` on a fresh data directory, as a user starts it after `npm ci`: the
 * built CLI (dist/), the demo book and staff loaded on first run, a free port.
 */
export interface RunningServer {
  url: string;
  dataDir: string;
  /** Everything the server wrote to stdout and stderr: the logs the no-plaintext check greps. */
  output(): string;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '..');

export async function startServer(options: { applications?: number } = {}): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'veracity-e2e-'));
  const cli = path.join(root, 'bin', 'veracity.js');
  const args = [cli, '--data-dir', dataDir, 'serve', '--demo', '--port', '0'];
  if (options.applications) args.push('--applications', String(options.applications));
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'info', VERACITY_SCAN_AT: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /listening\): (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) {
        clearInterval(timer);
        resolve(match[1]);
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`veracity serve exited (${code}) before listening:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
