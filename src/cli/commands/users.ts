import type { Command } from 'commander';
import { addUser, disableUser, listUsers, setEmail, setPassword } from '../../modules/users/users.service.js';
import { describeScope, parseScope } from '../../platform/access/scope.js';
import type { AuditContext } from '../../platform/audit/audit-events.js';
import { ROLE_NAMES, ROLES } from '../../shared/roles.js';
import { withDeps, writeLine } from '../deps.js';
import { readSecret } from '../read-stdin.js';

/** The CLI acts as the operating-system user who runs it: that is who the audit trail names. */
export function cliContext(): AuditContext {
  return { actor: { kind: 'system', name: `cli:${process.env.USER ?? process.env.LOGNAME ?? 'unknown'}` } };
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerUsers(program: Command): void {
  const users = program.command('users').description('员工账号 (staff accounts)');
  users
    .command('add <username>')
    .description('新建用户，密码从标准输入读取 (create a user; the password is read from standard input)')
    .requiredOption('--role <role>', `角色 (role): ${ROLE_NAMES.join(', ')}`)
    .option('--scope <scope>', '数据范围，可重复：channel:NAME 或 branch:CODE (data scope, repeatable)', collect, [])
    .option('--name <displayName>', '姓名 (display name)')
    .option('--email <address>', '接收逾期升级邮件的邮箱 (e-mail address for escalations, P5.13)')
    .action(
      async (
        username: string,
        options: { role: string; scope: string[]; name?: string; email?: string },
        command: Command,
      ) => {
        const scope = parseScope(options.scope);
        const password = await readSecret('密码 (password): ');
        await withDeps(command, async (deps) => {
          const user = await addUser(deps, cliContext(), {
            username,
            displayName: options.name,
            role: options.role,
            scope,
            password,
            email: options.email,
          });
          writeLine(
            `已创建 (created): ${user.username}  ${ROLES[user.role].zh} (${user.role})  ${describeScope(user.scope)}${user.email ? `  ${user.email}` : ''}`,
          );
        });
      },
    );
  users
    .command('email <username> [address]')
    .description('设置或清除用户邮箱（不填地址即清除） (set a user’s e-mail address; without one, clear it)')
    .action(async (username: string, address: string | undefined, _options: unknown, command: Command) => {
      await withDeps(command, async (deps) => {
        const user = await setEmail(deps, cliContext(), username, address ?? null);
        writeLine(`已设置 (set): ${user.username}  ${user.email ?? '—'}`);
      });
    });
  users
    .command('list')
    .description('列出用户 (list users)')
    .action(async (_options: unknown, command: Command) => {
      await withDeps(command, async (deps) => {
        for (const u of await listUsers(deps)) {
          writeLine(`${u.username}\t${u.role}\t${u.status}\t${describeScope(u.scope)}`);
        }
      });
    });
  users
    .command('disable <username>')
    .description('停用用户并结束其会话 (disable a user and end their sessions)')
    .action(async (username: string, _options: unknown, command: Command) => {
      await withDeps(command, async (deps) => {
        await disableUser(deps, cliContext(), username);
        writeLine(`已停用 (disabled): ${username}`);
      });
    });
  users
    .command('password <username>')
    .description('重设密码（从标准输入读取）并结束其会话 (set a new password from standard input; ends their sessions)')
    .action(async (username: string, _options: unknown, command: Command) => {
      const password = await readSecret('新密码 (new password): ');
      await withDeps(command, async (deps) => {
        await setPassword(deps, cliContext(), username, password);
        writeLine(`已重设 (password set): ${username}`);
      });
    });
}
