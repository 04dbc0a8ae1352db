import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Reads a data file shipped in this folder. Resolved relative to this module, so it works from
 * `src/` (tests) and from `dist/` once the build has copied the folder (see README.md).
 */
export function readReferenceText(fileName: string): string {
  const url = new URL(`./${fileName}`, import.meta.url);
  let text: string;
  try {
    text = readFileSync(url, 'utf8');
  } catch (error) {
    throw new Error(
      `reference data ${fileURLToPath(url)} is missing: the build must copy src/platform/reference/ to dist/platform/reference/`,
      { cause: error },
    );
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
