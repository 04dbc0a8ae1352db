import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../platform/config.js';
import { AppError } from '../../platform/errors.js';

/**
 * Evidence files on disk (P5.13): under `<dataDir>/evidence/`, outside anything the server serves,
 * each sealed, under a random name that says nothing about the item or the customer. Only the
 * database knows which file is whose.
 */
const STORED_NAME = /^[0-9a-f]{32}\.sealed$/;

const directoryOf = (config: Pick<Config, 'dataDir'>) => path.join(config.dataDir, 'evidence');

export function newStoredName(): string {
  return `${randomBytes(16).toString('hex')}.sealed`;
}

function pathOf(config: Pick<Config, 'dataDir'>, storedName: string): string {
  if (!STORED_NAME.test(storedName)) {
    throw new AppError('INTERNAL', { zh: '材料文件名不合规', en: 'an evidence file name is not one of ours' });
  }
  return path.join(directoryOf(config), storedName);
}

/** Written whole or not at all: a temporary file renamed into place, readable by this user only. */
export async function writeEvidenceFile(config: Pick<Config, 'dataDir'>, storedName: string, sealed: Buffer) {
  const file = pathOf(config, storedName);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.part`;
  await rm(temporary, { force: true });
  await writeFile(temporary, sealed, { flag: 'wx', mode: 0o600 });
  await rename(temporary, file);
}

export async function readEvidenceFile(config: Pick<Config, 'dataDir'>, storedName: string): Promise<Buffer> {
  try {
    return await readFile(pathOf(config, storedName));
  } catch (error) {
    throw new AppError(
      'INTERNAL',
      { zh: '材料文件缺失，请联系运维', en: 'the evidence file is missing; tell IT operations' },
      { cause: error },
    );
  }
}

export async function removeEvidenceFile(config: Pick<Config, 'dataDir'>, storedName: string): Promise<void> {
  await rm(pathOf(config, storedName), { force: true });
}
