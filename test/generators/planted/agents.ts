import type { AgentRecord } from '../../../src/shared/contract.js';
import { Dice } from './dice.js';
import { address, chineseName, residentId } from './identity.js';
import { mobile } from './phones.js';

/** The day the late-qualified sellers pass the test: applications before it are not qualified. */
export const LATE_QUALIFIED_ON = '2026-06-10';

export const SELLERS = {
  agents: Array.from({ length: 40 }, (_, i) => `PA${String(i + 1).padStart(3, '0')}`),
  specialists: Array.from({ length: 10 }, (_, i) => `PB${String(i + 1).padStart(3, '0')}`),
  agencies: Array.from({ length: 6 }, (_, i) => `PG${String(i + 1).padStart(3, '0')}`),
  /** qualifiedOn null: never qualified. */
  neverQualifiedAgents: ['PU001', 'PU002'],
  neverQualifiedSpecialists: ['PU003'],
  /** qualifiedOn = LATE_QUALIFIED_ON. */
  lateAgents: ['PL001', 'PL002'],
  lateSpecialists: ['PL003'],
} as const;

/** Codes in the register's style that are not in it. */
export const UNKNOWN_CODES = ['PA999', 'PA041', 'PB011', 'PX001', 'A10023', 'PG007'];

const BRANCHES = ['GD-GZ', 'GD-SZ', 'BJ-HQ', 'SH-PD', 'ZJ-HZ', 'JS-NJ', 'SC-CD', 'HB-WH'];

/** The register every planted application is checked against. */
export function plantedAgents(): AgentRecord[] {
  const dice = new Dice(11643);
  const person = (
    code: string,
    kind: 'agent' | 'bancassurance_specialist',
    qualifiedOn: string | null,
  ): AgentRecord => {
    const gender = dice.chance(0.6) ? 'F' : 'M';
    const birth = `19${dice.int(70, 99)}-0${dice.int(1, 9)}-1${dice.int(0, 9)}`;
    return {
      agentCode: code,
      kind,
      name: chineseName(dice, gender),
      idType: 'RESIDENT_ID',
      idNo: residentId(dice, gender, birth),
      branchCode: dice.pick(BRANCHES),
      phones: [mobile(dice)],
      address: address(dice),
      qualifiedOn,
      relatives: [
        {
          name: chineseName(dice, gender === 'F' ? 'M' : 'F'),
          relation: 'spouse',
          phones: [mobile(dice)],
          address: null,
        },
      ],
    };
  };
  const longAgo = () => `20${dice.int(15, 25)}-0${dice.int(1, 9)}-2${dice.int(0, 8)}`;
  return [
    ...SELLERS.agents.map((code) => person(code, 'agent', longAgo())),
    ...SELLERS.specialists.map((code) => person(code, 'bancassurance_specialist', longAgo())),
    ...SELLERS.agencies.map(
      (code, i): AgentRecord => ({
        agentCode: code,
        kind: 'agency',
        agencyKind: i % 2 === 0 ? 'professional' : 'part_time',
        name: `测试${i + 1}号保险代理有限公司`,
        idType: 'OTHER',
        idNo: null,
        branchCode: dice.pick(BRANCHES),
        phones: ['020-8888 1234'],
        address: address(dice),
        qualifiedOn: longAgo(),
        relatives: [],
      }),
    ),
    ...SELLERS.neverQualifiedAgents.map((code) => person(code, 'agent', null)),
    ...SELLERS.neverQualifiedSpecialists.map((code) => person(code, 'bancassurance_specialist', null)),
    ...SELLERS.lateAgents.map((code) => person(code, 'agent', LATE_QUALIFIED_ON)),
    ...SELLERS.lateSpecialists.map((code) => person(code, 'bancassurance_specialist', LATE_QUALIFIED_ON)),
  ];
}
