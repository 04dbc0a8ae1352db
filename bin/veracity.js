#!/usr/bin/env node
// The `veracity` command. The TypeScript is compiled to dist/ by `npm ci` (the `prepare` script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('veracity: 尚未构建，请先运行 npm run build (not built yet: run npm run build)\n');
  process.exit(1);
}
await import(entry.href);
