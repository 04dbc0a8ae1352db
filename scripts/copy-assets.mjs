// The build compiles TypeScript only: copy the reference data the code reads at run time.
import fs from 'node:fs';

fs.cpSync('src/platform/reference', 'dist/platform/reference', {
  recursive: true,
  filter: (file) => !file.endsWith('.ts'),
});
