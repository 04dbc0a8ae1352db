/** Sellers missing from the register or without a sales qualification on appliedAt's China date (P5.10–11). */
import { LATE_QUALIFIED_ON, SELLERS, UNKNOWN_CODES } from './agents.js';
import type { Dice } from './dice.js';
import { e, plant } from './plant.js';
import type { PlantedApplication, Shape } from './record.js';

const personChannel = (dice: Dice): Shape['channel'] => (dice.chance(0.7) ? 'agent' : 'bancassurance');

export const agentUnknown = plant(
  'AGENT_UNKNOWN agentCode',
  ['seller'],
  (record, dice) => {
    record.agentCode = dice.pick(UNKNOWN_CODES);
    return { variant: `${record.channel} ${record.agentCode}`, expected: [e('AGENT_UNKNOWN', 'agentCode')] };
  },
  (dice) => ({ channel: personChannel(dice) }),
);

export const agencyUnknown = plant(
  'AGENT_UNKNOWN agencyCode',
  ['seller'],
  (record, dice) => {
    record.agencyCode = dice.pick(UNKNOWN_CODES);
    return { variant: record.agencyCode, expected: [e('AGENT_UNKNOWN', 'agencyCode')] };
  },
  () => ({ channel: 'agency' }),
);

export const neverQualified = plant(
  'AGENT_NOT_QUALIFIED never qualified',
  ['seller'],
  (record, dice) => {
    record.agentCode = dice.pick(
      record.channel === 'agent' ? SELLERS.neverQualifiedAgents : SELLERS.neverQualifiedSpecialists,
    );
    return { variant: `${record.channel} ${record.agentCode}`, expected: [e('AGENT_NOT_QUALIFIED', 'agentCode')] };
  },
  (dice) => ({ channel: personChannel(dice) }),
);

/** Timestamps whose China date is before LATE_QUALIFIED_ON (2026-06-10), however they are written. */
const BEFORE_QUALIFIED = [
  '2026-06-09T23:30:00+08:00',
  '2026-06-09T23:30:00',
  '2026-06-09T15:00:00Z',
  '2026-06-10T00:30:00+09:00',
  '2026-05-20T10:00:00+08:00',
];
/** Timestamps whose China date is LATE_QUALIFIED_ON or later. */
const ON_OR_AFTER_QUALIFIED = [
  '2026-06-10T09:30:00+08:00',
  '2026-06-10T00:30:00+08:00',
  '2026-06-09T16:30:00Z',
  '2026-06-09T20:30:00-03:00',
  '2026-06-10T08:00:00',
  '2026-07-01T10:00:00+08:00',
];

const lateSeller = (record: PlantedApplication, dice: Dice): string =>
  dice.pick(record.channel === 'agent' ? SELLERS.lateAgents : SELLERS.lateSpecialists);

export const qualifiedLater = plant(
  'AGENT_NOT_QUALIFIED qualified after appliedAt',
  ['seller', 'appliedAt'],
  (record, dice) => {
    record.agentCode = lateSeller(record, dice);
    return { variant: `appliedAt ${record.appliedAt}`, expected: [e('AGENT_NOT_QUALIFIED', 'agentCode')] };
  },
  (dice) => ({ channel: personChannel(dice), appliedAt: dice.pick(BEFORE_QUALIFIED) }),
);

export const qualifiedInTime = plant(
  'seller qualified by the China date of appliedAt (no error)',
  ['seller', 'appliedAt'],
  (record, dice) => {
    record.agentCode = lateSeller(record, dice);
    return { variant: `appliedAt ${record.appliedAt}, qualified ${LATE_QUALIFIED_ON}`, expected: [] };
  },
  (dice) => ({ channel: personChannel(dice), appliedAt: dice.pick(ON_OR_AFTER_QUALIFIED) }),
);
