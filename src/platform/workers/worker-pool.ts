import os from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * A small pool of worker threads running one module. Work goes to the first idle worker; callers
 * await results in the order they choose (the import awaits them in file order).
 * Source `.ts` workers (tests, tsx) are started through tsx; the built `.js` ones directly.
 */
export class WorkerPool<In, Out> {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Array<{ input: In; resolve: (o: Out) => void; reject: (e: unknown) => void }> = [];
  private readonly pending = new Map<Worker, { resolve: (o: Out) => void; reject: (e: unknown) => void }>();

  constructor(moduleUrl: URL, workerData: unknown, size: number) {
    // A worker holds one chunk at a time: a small heap makes it collect early, keeping the
    // import's memory flat whatever the file size.
    const resourceLimits = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 };
    for (let i = 0; i < size; i++) {
      const worker = moduleUrl.pathname.endsWith('.ts')
        ? new Worker(viaTsx(moduleUrl), { eval: true, workerData, resourceLimits })
        : new Worker(moduleUrl, { workerData, resourceLimits });
      worker.on('message', (output: Out) => this.settle(worker, (p) => p.resolve(output)));
      worker.on('error', (error) => this.settle(worker, (p) => p.reject(error)));
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  /** One worker per core but one: the main thread has work of its own (the import stores there). */
  static defaultSize(): number {
    return Math.max(1, os.availableParallelism() - 1);
  }

  run(input: In): Promise<Out> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private settle(worker: Worker, action: (p: { resolve: (o: Out) => void; reject: (e: unknown) => void }) => void) {
    const pending = this.pending.get(worker);
    this.pending.delete(worker);
    this.idle.push(worker);
    if (pending) action(pending);
    this.dispatch();
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop() as Worker;
      const task = this.queue.shift() as (typeof this.queue)[number];
      this.pending.set(worker, { resolve: task.resolve, reject: task.reject });
      worker.postMessage(task.input);
    }
  }
}

/** Source workers (under Vitest or tsx) load their TypeScript through tsx's loader. */
function viaTsx(moduleUrl: URL): string {
  return `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(moduleUrl.href)}); });`;
}
