import type { Command } from 'commander';
import { rotateKeys } from '../../modules/keys/keys.service.js';
import { withDeps, writeLine } from '../deps.js';

export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('个人金融信息加密密钥 (encryption keys for personal data)');
  keys
    .command('rotate')
    .description('新增密钥并用它重新加密全部密文 (add a key, make it active, re-encrypt every sealed value)')
    .action(async (_options: unknown, command: Command) => {
      await withDeps(command, async (deps) => {
        const result = await rotateKeys(deps);
        writeLine(`当前密钥 (active key): ${result.activeKeyId}  重新加密 (re-encrypted): ${result.resealed}`);
      });
    });
}
