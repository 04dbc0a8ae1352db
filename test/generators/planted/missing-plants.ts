/** Key data missing or blank (P5.5), and the minor's exemption from the ID number. */
import { addDays, addYears, dayBetween } from './calendar.js';
import type { Dice } from './dice.js';
import { adultInsured, BLANKS, e, identitySlots, type Plant, plant, type Role, type Slot, setField } from './plant.js';

export function missingField(
  role: Role,
  field: 'name' | 'gender' | 'birthDate' | 'idType' | 'idNo' | 'address',
): Plant {
  const slots: readonly Slot[] = field === 'address' ? ['applicant.address'] : identitySlots(role);
  return plant(
    `MISSING_FIELD ${role}.${field}`,
    slots,
    (record, dice) => {
      const [variant, value] = dice.pick(field === 'gender' ? BLANKS.slice(0, 3) : BLANKS);
      setField(record[role], field, value);
      // Without the applicant's ID number the payer can only be compared by name, which is the same.
      if (role === 'applicant' && field === 'idNo') {
        delete record.payerAccount.holderIdNo;
        delete record.payerAccount.holderIdType;
      }
      return { variant, expected: [e('MISSING_FIELD', `${role}.${field}`)] };
    },
    adultInsured(role),
  );
}

export const missingPhones = plant('MISSING_FIELD applicant.phones', ['applicant.phones'], (record, dice) => {
  const absent = dice.chance(0.5);
  if (absent) delete record.applicant.phones;
  else record.applicant.phones = [];
  return { variant: absent ? 'absent' : 'empty array', expected: [e('MISSING_FIELD', 'applicant.phones')] };
});

/** An insured minor needs no ID number (INTERCHANGE §3). */
export const minorWithoutIdNo = plant(
  'minor insured without idNo (no error)',
  ['insured'],
  (record, dice) => {
    const [variant, value] = dice.pick(BLANKS);
    setField(record.insured, 'idNo', value);
    return { variant, expected: [] };
  },
  () => ({ insured: 'minor' }),
);

/** A day whose date 18 years earlier, and the day after, are ordinary (not 28/29 February or 1 March). */
function ordinaryDay(dice: Dice): string {
  for (;;) {
    const day = dayBetween(() => dice.next(), '2026-01-05', '2026-11-30');
    if (!/-0(2-2[789]|3-01)$/.test(day)) return day;
  }
}

/**
 * The 18th birthday on appliedAt's China date is adult (idNo required); the day before it is a minor.
 * Timestamps in UTC or without an offset check that the China date is used.
 */
export const minorAgeBoundary: Plant = {
  family: 'insured 18th birthday boundary',
  slots: ['insured', 'appliedAt'],
  prepare(dice) {
    const day = ordinaryDay(dice);
    const cases = [
      { appliedAt: `${day}T10:00:00+08:00`, turns18: day, variant: 'turns 18 on appliedAt' },
      {
        appliedAt: `${addDays(day, -1)}T17:00:00Z`,
        turns18: day,
        variant: 'turns 18 on appliedAt, written in UTC (still the day before)',
      },
      { appliedAt: `${day}T10:00:00+08:00`, turns18: addDays(day, 1), variant: 'turns 18 the day after appliedAt' },
      {
        appliedAt: `${day}T23:30:00`,
        turns18: addDays(day, 1),
        variant: 'turns 18 the day after appliedAt, no offset (China time)',
      },
    ];
    const chosen = dice.pick(cases);
    return {
      shape: { insured: 'minor', appliedAt: chosen.appliedAt },
      apply(record) {
        record.insured.birthDate = addYears(chosen.turns18, -18);
        record.insured.idNo = null;
        const adult = chosen.turns18 === day;
        return { variant: chosen.variant, expected: adult ? [e('MISSING_FIELD', 'insured.idNo')] : [] };
      },
    };
  },
};
