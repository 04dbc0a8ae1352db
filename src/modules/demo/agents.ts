import type { AgentRecord } from '../../shared/contract.js';
import { homeAddress, officeAddress } from './addresses.js';
import type { AgentProfile } from './agent-directory.js';
import { birthDayForAge } from './ages.js';
import { type Book, type BookOptions, openBook } from './book.js';
import { isoDateOf, yearOf } from './dates.js';
import { residentIdNo, unifiedSocialCreditCode } from './ids.js';
import { givenName, pickSurname } from './names.js';
import { landlineLocal, mobileNumber, writeLandline, writeMobile } from './phones.js';
import { Rng } from './prng.js';
import { countiesOfPrefecture, pickRegistrationCounty } from './regions.js';
import { Stream } from './streams.js';

type Relative = NonNullable<AgentRecord['relatives']>[number];

const AGENCY_BRANDS = ['恒信', '安泰', '华诚', '众邦', '鼎盛', '泰和', '永安', '瑞丰', '金桥', '诚泰', '联合', '明亚'];
const PART_TIME_TRADES = ['汽车销售服务有限公司', '国际旅行社有限公司', '邮政代理网点', '物流有限公司'];

/** The agent register, in code order. */
export function* generateAgents(options: BookOptions): Generator<AgentRecord> {
  const book = openBook(options);
  for (let i = 0; i < book.agents; i++) yield agentRecordOf(book, i);
}

export function agentRecordOf(book: Book, index: number): AgentRecord {
  const profile = book.directory.profile(index);
  return profile.kind === 'agency' ? agencyRecord(book, profile) : personRecord(book, profile);
}

function personRecord(book: Book, profile: AgentProfile): AgentRecord {
  const rng = Rng.of(book.seed, Stream.agentDetails, profile.index);
  const gender = rng.chance(0.62) ? 'F' : 'M';
  const age = rng.int(22, 55);
  const birthDay = birthDayForAge(book.fromDay, age, rng.next());
  const county = pickRegistrationCounty(rng, profile.branch.provinceCode, yearOf(birthDay));
  const cityCounties = countiesOfPrefecture(profile.branch.prefectureCode);
  const surname = pickSurname(rng);
  const address = homeAddress(rng, rng.pick(cityCounties));
  const phones = [writeMobile(rng, mobileNumber(rng))];
  if (rng.chance(0.2)) phones.push(writeMobile(rng, mobileNumber(rng)));

  const relatives: Relative[] = [];
  if (age >= 25 && rng.chance(0.75)) {
    const spouseGender = gender === 'F' ? 'M' : 'F';
    relatives.push({
      name: pickSurname(rng) + givenName(rng, spouseGender, yearOf(birthDay)),
      relation: 'spouse',
      phones: [writeMobile(rng, mobileNumber(rng))],
      address,
    });
  }
  if (rng.chance(0.6)) {
    const parentGender = rng.chance(0.5) ? 'M' : 'F';
    relatives.push({
      name: (parentGender === 'M' ? surname : pickSurname(rng)) + givenName(rng, parentGender, yearOf(birthDay) - 28),
      relation: 'parent',
      phones: [writeMobile(rng, mobileNumber(rng))],
      address: homeAddress(rng, county.abolishedIn === undefined ? county : rng.pick(cityCounties)),
    });
  }
  if (age >= 40 && rng.chance(0.5)) {
    const childGender = rng.chance(0.5) ? 'M' : 'F';
    relatives.push({
      name: surname + givenName(rng, childGender, yearOf(birthDay) + 26),
      relation: 'child',
      phones: [writeMobile(rng, mobileNumber(rng))],
      address: rng.chance(0.5) ? address : homeAddress(rng, rng.pick(cityCounties)),
    });
  }
  return {
    agentCode: profile.agentCode,
    kind: profile.kind,
    name: surname + givenName(rng, gender, yearOf(birthDay)),
    idType: 'RESIDENT_ID',
    idNo: residentIdNo(rng, county.code, birthDay, gender),
    branchCode: profile.branch.code,
    phones,
    address,
    qualifiedOn: profile.qualifiedDay === null ? null : isoDateOf(profile.qualifiedDay),
    relatives,
  };
}

function cityName(profile: AgentProfile): string {
  const county = countiesOfPrefecture(profile.branch.prefectureCode)[0];
  const city = county?.prefecture || county?.province || '';
  return city.replace(/市$/, '');
}

function agencyRecord(book: Book, profile: AgentProfile): AgentRecord {
  const rng = Rng.of(book.seed, Stream.agentDetails, profile.index);
  const district = rng.pick(countiesOfPrefecture(profile.branch.prefectureCode));
  const brand = rng.pick(AGENCY_BRANDS);
  const name =
    profile.agencyKind === 'professional'
      ? `${cityName(profile)}${brand}保险代理有限公司`
      : `${cityName(profile)}${brand}${rng.pick(PART_TIME_TRADES)}`;
  return {
    agentCode: profile.agentCode,
    kind: 'agency',
    agencyKind: profile.agencyKind,
    name,
    idType: 'OTHER',
    idNo: unifiedSocialCreditCode(rng, district.code),
    branchCode: profile.branch.code,
    phones: [writeLandline(rng, profile.branch.areaCode, landlineLocal(rng)), writeMobile(rng, mobileNumber(rng))],
    address: officeAddress(rng, district),
    qualifiedOn: profile.qualifiedDay === null ? null : isoDateOf(profile.qualifiedDay),
    relatives: [],
  };
}
