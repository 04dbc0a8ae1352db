import type { Command } from 'commander';
import { createApiKey, listApiKeys, revokeApiKey } from '../../modules/apikeys/apikeys.service.js';
import { describeScope, parseScope } from '../../platform/access/scope.js';
import { withDeps, writeLine } from '../deps.js';
import { wholeNumber } from '../options.js';
import { cliContext } from './users.js';

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerApiKeys(program: Command): void {
  const keys = program.command('apikeys').description('核心系统接口密钥 (API keys for core systems)');
  keys
    .command('create <name>')
    .description('新建密钥，仅显示一次 (create a key; it is printed once)')
    .option('--scope <scope>', '数据范围，可重复：channel:NAME 或 branch:CODE (data scope, repeatable)', collect, [])
    .action(async (name: string, options: { scope: string[] }, command: Command) => {
      const scope = parseScope(options.scope);
      await withDeps(command, async (deps) => {
        const { apiKey, key } = await createApiKey(deps, cliContext(), { name, scope });
        process.stderr.write(
          `已创建接口密钥 #${apiKey.id} ${apiKey.name} (${describeScope(apiKey.scope)})；请立即保存，之后无法再次查看 (save it now: it cannot be shown again)\n`,
        );
        writeLine(key);
      });
    });
  keys
    .command('list')
    .description('列出密钥 (list keys)')
    .action(async (_options: unknown, command: Command) => {
      await withDeps(command, async (deps) => {
        for (const k of await listApiKeys(deps)) {
          writeLine(
            `${k.id}\t${k.name}\t${k.prefix}…\t${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}\t${describeScope(k.scope)}`,
          );
        }
      });
    });
  keys
    .command('revoke <id>')
    .description('吊销密钥 (revoke a key)')
    .action(async (id: string, _options: unknown, command: Command) => {
      const keyId = wholeNumber(1)(id);
      await withDeps(command, async (deps) => {
        const key = await revokeApiKey(deps, cliContext(), keyId);
        writeLine(`已吊销 (revoked): #${key.id} ${key.name}`);
      });
    });
}
