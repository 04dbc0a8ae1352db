import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { generateAgents } from './agents.js';
import { generateApplications } from './applications.js';
import type { BookOptions } from './book.js';
import { generateComplaints } from './complaints.js';

export interface WrittenBook {
  agentsFile: string;
  applicationsFile: string;
  complaintsFile: string;
  counts: { agents: number; applications: number; complaints: number };
}

/** Lines per write: large enough to keep the stream busy, small enough to stay in cache. */
const LINES_PER_CHUNK = 512;

/** Writes the book as JSON Lines files agents.jsonl, applications.jsonl and complaints.jsonl in `dir`. */
export async function writeBook(dir: string, options: BookOptions): Promise<WrittenBook> {
  await mkdir(dir, { recursive: true });
  const agentsFile = path.join(dir, 'agents.jsonl');
  const applicationsFile = path.join(dir, 'applications.jsonl');
  const complaintsFile = path.join(dir, 'complaints.jsonl');
  const agents = await writeJsonLines(agentsFile, generateAgents(options));
  const applications = await writeJsonLines(applicationsFile, generateApplications(options));
  const complaints = await writeJsonLines(complaintsFile, generateComplaints(options));
  return { agentsFile, applicationsFile, complaintsFile, counts: { agents, applications, complaints } };
}

/** Streams records to a file; the pipeline pauses the generator while the disk catches up. */
async function writeJsonLines(file: string, records: Iterable<unknown>): Promise<number> {
  let count = 0;
  function* chunks(): Generator<string> {
    let lines: string[] = [];
    for (const record of records) {
      lines.push(JSON.stringify(record));
      count++;
      if (lines.length === LINES_PER_CHUNK) {
        yield `${lines.join('\n')}\n`;
        lines = [];
      }
    }
    if (lines.length > 0) yield `${lines.join('\n')}\n`;
  }
  await pipeline(Readable.from(chunks(), { objectMode: false }), createWriteStream(file, { encoding: 'utf8' }));
  return count;
}
