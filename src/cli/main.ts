import { isAppError } from '../platform/errors.js';
import { registerAgents } from './commands/agents.js';
import { registerDemo } from './commands/demo.js';
import { registerImport } from './commands/import.js';
import { registerKeys } from './commands/keys.js';
import { registerStart } from './commands/start.js';
import { registerStatus } from './commands/status.js';
import { registerVerify } from './commands/verify.js';
import { buildProgram } from './program.js';

const program = buildProgram();
for (const register of [
  registerImport,
  registerAgents,
  registerVerify,
  registerDemo,
  registerKeys,
  registerStatus,
  registerStart,
]) {
  register(program);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (isAppError(error)) {
    process.stderr.write(`veracity: ${error.zh}\nveracity: ${error.en}\n`);
    for (const detail of error.details) process.stderr.write(`  - ${detail}\n`);
    process.exitCode = error.kind === 'INTERNAL' ? 1 : 2;
  } else {
    process.stderr.write(`veracity: 内部错误 (internal error): ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  }
}
