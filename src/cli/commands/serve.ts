import type { Command } from 'commander';
import { buildApp } from '../../app.js';
import { bootstrap } from '../../platform/bootstrap.js';
import { writeLine } from '../deps.js';
import { wholeNumber } from '../options.js';
import { prepareDemo } from './init.js';

/**
 * `veracity serve`: the API, its documentation and the daily scan in one process. SIGTERM or
 * SIGINT stops taking requests (/readyz turns 503), finishes those in flight and the running job,
 * then closes the store.
 */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('启动服务：接口、文档与每日扫描 (run the server: API, documentation and the daily scan)')
    .option('--host <host>', '监听地址 (listen address; also HOST)')
    .option('--port <port>', '端口 (port; also PORT)', wholeNumber(0))
    .option('--demo', '首次运行时载入演示数据和演示账号 (load the demo book and demo users on first run)', false)
    .option('--applications <n>', 'demo book size on first run', wholeNumber(1), 5000)
    .action(
      async (options: { host?: string; port?: number; demo: boolean; applications: number }, command: Command) => {
        const dataDir = command.optsWithGlobals<{ dataDir?: string }>().dataDir;
        const deps = await bootstrap({ dataDir, host: options.host, port: options.port });
        if (options.demo) await prepareDemo(deps, options);
        let draining = false;
        const app = await buildApp(deps, { draining: () => draining });
        const { host, port } = deps.config.server;
        const address = await app.listen({ host, port });
        writeLine(`Veracity 已启动 (listening): ${address}`);
        writeLine(`接口文档 (API docs): ${address}/api/docs`);

        const stop = async (signal: string) => {
          if (draining) return;
          draining = true;
          deps.logger.info({ signal }, 'shutting down: finishing requests in flight');
          try {
            await app.close();
          } finally {
            await deps.db.close();
            deps.logger.info('stopped');
          }
        };
        for (const signal of ['SIGTERM', 'SIGINT'] as const) {
          process.once(signal, () => {
            stop(signal).then(
              () => process.exit(0),
              (error) => {
                deps.logger.error({ err: error }, 'shutdown failed');
                process.exit(1);
              },
            );
          });
        }
      },
    );
}
