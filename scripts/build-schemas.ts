// Writes schemas/*.schema.json from the contract's zod schemas (npm run schemas).
import fs from 'node:fs';
import path from 'node:path';
import { contractJsonSchemas } from '../src/shared/json-schemas.js';

const dir = path.join(import.meta.dirname, '..', 'schemas');
fs.mkdirSync(dir, { recursive: true });
for (const [file, schema] of Object.entries(contractJsonSchemas())) {
  fs.writeFileSync(path.join(dir, file), `${JSON.stringify(schema, null, 2)}\n`);
  process.stdout.write(`schemas/${file}\n`);
}
