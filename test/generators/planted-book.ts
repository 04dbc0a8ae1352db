/**
 * A test book of applications with planted defects and the exact gate errors each must produce
 * (INTERCHANGE §3). Independent of the demo generator (src/modules/demo): its own random numbers,
 * names, ID and phone code, so a gate test over it does not merely replay the demo's assumptions.
 *
 * Conventions the expected errors follow (the gate's paths):
 * - a missing key field: `MISSING_FIELD` at `applicant.<field>` / `insured.<field>`, empty phones at `applicant.phones`;
 * - number defects at `<party>.idNo`; `GENDER_MISMATCH` at `<party>.gender`; `BIRTHDATE_MISMATCH` at `<party>.birthDate`;
 * - a number whose date is not real gives `ID_BIRTHDATE` only (nothing to compare birthDate with);
 * - `PHONE_FORMAT` at `<party>.phones[i]`;
 * - `PAYER_NOT_APPLICANT` at `payerAccount.holderIdNo` (holder ID given) or `payerAccount.holderName` (none given);
 * - `AGENT_UNKNOWN` / `AGENT_NOT_QUALIFIED` at `agentCode`, or `agencyCode` for channel agency.
 * Only resident IDs of provinces 11–65 with real county codes are used, so no county warnings arise;
 * warnings are never expected.
 */
import type { AgentKind } from '../../src/shared/contract.js';
import { plantedAgents } from './planted/agents.js';
import { Dice } from './planted/dice.js';
import { type ExpectedError, PLANTS, type Plant, type PreparedPlant } from './planted/plants.js';
import { cleanRecord, type PlantedApplication, type Shape } from './planted/record.js';

export { plantedAgents } from './planted/agents.js';
export { CONTRACT_ERROR_CODES, type ContractErrorCode, type ExpectedError, PLANTS } from './planted/plants.js';
export type { PlantedApplication } from './planted/record.js';

/** The gate's `today` for the planted book: after every appliedAt, before every future birth date. */
export const PLANTED_TODAY = '2026-12-31';

export interface PlantedRecord {
  record: PlantedApplication;
  /** Sorted by path, then code. Empty for a record that must pass. */
  expectedErrors: ExpectedError[];
  /** What was planted, `family: variant`, for readable failure reports. */
  plants: string[];
}

export interface PlantedBookOptions {
  count?: number;
  seed?: number;
}

const SHARE_CLEAN = 0.3;
const SHARE_TWO_PLANTS = 0.12;

export function plantedBook(options: PlantedBookOptions = {}): PlantedRecord[] {
  const { count = 20_000, seed = 1 } = options;
  const dice = new Dice(seed);
  const book: PlantedRecord[] = [];
  for (let i = 0; i < count; i++) {
    const u = dice.next();
    const chosen = u < SHARE_CLEAN ? [] : u < 1 - SHARE_TWO_PLANTS ? [dice.pick(PLANTS)] : twoPlants(dice);
    const prepared = chosen.map((plant) => ({ plant, ready: plant.prepare(dice) }));
    const shape = mergeShapes(prepared.map((p) => p.ready));
    const record = cleanRecord(dice, i, shape);
    const expectedErrors: ExpectedError[] = [];
    const plants: string[] = [];
    for (const { plant, ready } of prepared) {
      const result = ready.apply(record, dice);
      expectedErrors.push(...result.expected);
      plants.push(`${plant.family}: ${result.variant}`);
    }
    expectedErrors.sort((a, b) => a.path.localeCompare(b.path) || a.code.localeCompare(b.code));
    book.push({ record, expectedErrors, plants: plants.length > 0 ? plants : ['clean'] });
  }
  return book;
}

/** Two plants touching different parts of the record, so neither changes what the other expects. */
function twoPlants(dice: Dice): Plant[] {
  const first = dice.pick(PLANTS);
  for (;;) {
    const second = dice.pick(PLANTS);
    if (!second.slots.some((slot) => first.slots.includes(slot))) return [first, second];
  }
}

function mergeShapes(plants: PreparedPlant[]): Shape {
  return Object.assign({}, ...plants.map((p) => p.shape));
}

/** The register as the gate's agent lookup. */
export function plantedAgentLookup(): (code: string) => { kind: AgentKind; qualifiedOn: string | null } | undefined {
  const byCode = new Map(
    plantedAgents().map((a) => [a.agentCode, { kind: a.kind, qualifiedOn: a.qualifiedOn ?? null }]),
  );
  return (code) => byCode.get(code);
}
