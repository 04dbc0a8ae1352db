/** Phones as people write them (valid or not), and who pays the premiums (P5.11). */
import { residentIdEndingInX } from './identity.js';
import { INVALID_STYLES, VALID_STYLES } from './phones.js';
import { adultInsured, BLANKS, e, identityOf, plant, type Role, type Slot } from './plant.js';
import { adultOn, chinaDateOf, validPhone } from './record.js';

const phoneSlots = (role: Role): readonly Slot[] => (role === 'applicant' ? ['applicant.phones'] : ['insured']);

export const phoneFormat = (role: Role) =>
  plant(
    `PHONE_FORMAT ${role}.phones[i]`,
    phoneSlots(role),
    (record, dice) => {
      const [style, write] = dice.pick(INVALID_STYLES);
      const phones = [write(dice)];
      if (dice.chance(0.4)) phones.unshift(validPhone(dice));
      record[role].phones = phones;
      const i = phones.length - 1;
      return { variant: `${style} at [${i}]`, expected: [e('PHONE_FORMAT', `${role}.phones[${i}]`)] };
    },
    adultInsured(role),
  );

export const validPhoneStyles = (role: Role) =>
  plant(
    `valid phone styles (no error) on ${role}`,
    phoneSlots(role),
    (record, dice) => {
      const picked = [dice.pick(VALID_STYLES), dice.pick(VALID_STYLES)].slice(0, dice.int(1, 2));
      record[role].phones = picked.map(([, write]) => write(dice));
      return { variant: picked.map(([style]) => style).join(' + '), expected: [] };
    },
    adultInsured(role),
  );

export const payerNotApplicant = plant('PAYER_NOT_APPLICANT', ['payer'], (record, dice) => {
  const payer = record.payerAccount;
  const other = adultOn(dice, chinaDateOf(record.appliedAt), 22, 60);
  const kind = dice.int(0, 3);
  if (kind === 0) {
    Object.assign(payer, { holderName: other.name, holderIdNo: other.idNo });
    return { variant: "another person's account", expected: [e('PAYER_NOT_APPLICANT', 'payerAccount.holderIdNo')] };
  }
  if (kind === 1) {
    Object.assign(payer, { holderName: record.applicant.name, holderIdNo: other.idNo });
    return {
      variant: 'same name, another ID (namesake)',
      expected: [e('PAYER_NOT_APPLICANT', 'payerAccount.holderIdNo')],
    };
  }
  if (kind === 2) {
    Object.assign(payer, { holderName: other.name, holderIdNo: other.idNo, approvalRef: dice.pick(['', '  ']) });
    return { variant: 'blank approvalRef', expected: [e('PAYER_NOT_APPLICANT', 'payerAccount.holderIdNo')] };
  }
  const [blank, value] = dice.pick(BLANKS);
  payer.holderName = other.name;
  delete payer.holderIdType;
  if (value === undefined) delete payer.holderIdNo;
  else payer.holderIdNo = value;
  return {
    variant: `no holder ID (${blank}), another name`,
    expected: [e('PAYER_NOT_APPLICANT', 'payerAccount.holderName')],
  };
});

export const payerIsApplicant = plant(
  'payer is the applicant, or approved (no error)',
  ['applicant.identity', 'payer'],
  (record, dice) => {
    const payer = record.payerAccount;
    const kind = dice.int(0, 4);
    if (kind <= 1) {
      const other = adultOn(dice, chinaDateOf(record.appliedAt), 22, 60);
      payer.holderName = other.name;
      if (kind === 0) payer.holderIdNo = other.idNo;
      else delete payer.holderIdNo;
      payer.approvalRef = `PA2026-${dice.digits(5)}`;
      return { variant: kind === 0 ? 'another holder, approved' : 'another holder without ID, approved', expected: [] };
    }
    if (kind === 2) {
      const { gender, birthDate } = identityOf(record.applicant);
      const id = residentIdEndingInX(dice, gender, birthDate);
      record.applicant.idNo = id;
      payer.holderIdNo = `${id.slice(0, 17)}x`;
      return { variant: 'holder ID with lower-case x', expected: [] };
    }
    if (kind === 3) {
      const id = identityOf(record.applicant).idNo;
      payer.holderIdNo = `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`;
      return { variant: 'holder ID with spaces', expected: [] };
    }
    delete payer.holderIdNo;
    delete payer.holderIdType;
    return { variant: 'no holder ID, same name', expected: [] };
  },
);
