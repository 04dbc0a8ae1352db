import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { application } from '../../test/records.js';
import { applicationSchema } from './contract.js';
import { contractJsonSchemas } from './json-schemas.js';

describe('the shipped JSON Schemas', () => {
  it('match the contract in code (run `npm run schemas` after changing it)', () => {
    for (const [file, schema] of Object.entries(contractJsonSchemas())) {
      const shipped = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../schemas', file), 'utf8'));
      expect(shipped, file).toEqual(schema);
    }
  });

  it('describe the contract example as valid', () => {
    expect(applicationSchema.safeParse(application()).success).toBe(true);
  });
});
