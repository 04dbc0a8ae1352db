import { CommanderError } from 'commander';
import { isAppError } from '../platform/errors.js';
import { registerAgents } from './commands/agents.js';
import { registerApiKeys } from './commands/apikeys.js';
import { registerAudit } from './commands/audit.js';
import { registerCalendar } from './commands/calendar.js';
import { registerComplaints } from './commands/complaints.js';
import { registerDemo } from './commands/demo.js';
import { registerImport } from './commands/import.js';
import { registerInit } from './commands/init.js';
import { registerItems } from './commands/items.js';
import { registerKeys } from './commands/keys.js';
import { registerProducts } from './commands/products.js';
import { registerScan } from './commands/scan.js';
import { registerServe } from './commands/serve.js';
import { registerStatus } from './commands/status.js';
import { registerUsers } from './commands/users.js';
import { registerVerify } from './commands/verify.js';
import { buildProgram } from './program.js';

const program = buildProgram();
for (const register of [
  registerImport,
  registerAgents,
  registerComplaints,
  registerScan,
  registerItems,
  registerProducts,
  registerVerify,
  registerCalendar,
  registerDemo,
  registerKeys,
  registerStatus,
  registerInit,
  registerServe,
  registerUsers,
  registerApiKeys,
  registerAudit,
]) {
  register(program);
}

// `veracity … | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has printed the message; help and version are not errors.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (isAppError(error)) {
    process.stderr.write(`veracity: ${error.zh}\nveracity: ${error.en}\n`);
    for (const detail of error.details) process.stderr.write(`  - ${detail}\n`);
    process.exitCode = error.kind === 'INTERNAL' ? 1 : 2;
  } else {
    process.stderr.write(`veracity: 内部错误 (internal error): ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  }
}
