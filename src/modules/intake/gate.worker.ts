import { parentPort, workerData } from 'node:worker_threads';
import { fromPortable, type PortableKeyring } from '../../platform/crypto/keyring.js';
import { createSealer } from '../../platform/crypto/sealer.js';
import type { AgentFacts } from './gate.js';
import { agentLookupFrom, prepareChunk } from './prepare-chunk.js';
import type { RawRecord } from './record-source.js';

/** A worker of the import pipeline: the CPU half (parse, gate, seal, index) of one chunk at a time. */
export interface GateWorkerData {
  keyring: PortableKeyring;
  agents: Array<[string, AgentFacts]>;
  today: string;
}

const data = workerData as GateWorkerData;
const sealer = createSealer(fromPortable(data.keyring));
const context = { agents: agentLookupFrom(data.agents), today: data.today };

parentPort?.on('message', (records: RawRecord[]) => {
  parentPort?.postMessage(prepareChunk(records, context, sealer));
});
