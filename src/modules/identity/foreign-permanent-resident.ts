/**
 * 外国人永久居留身份证 (FOREIGN_PERMANENT_RESIDENT), two forms:
 *
 * - 2023 form, 18 digits (GB 11643-shaped): "9", 2-digit province of the issuing office, 3-digit
 *   ISO 3166 numeric nationality, 8-digit birth date, 3-digit sequence (17th digit odd = male),
 *   MOD 11-2 check character.
 * - 2004 form, 15 characters: ISO 3166 alpha-3 nationality, 4-digit code of the accepting office
 *   (province + city), YYMMDD birth date, one sequence digit, and an ICAO 9303 (7-3-1) check
 *   digit over the first 14 characters. What the sequence digit says about gender is not
 *   published, so no gender is read from this form.
 */
import { issue } from '../../shared/codes.js';
import { describeBirthDateProblem, readBirthDate } from './dates.js';
import { checkGb11643Body } from './gb11643-parts.js';
import { icao9303CheckDigit } from './icao9303.js';
import { emptyFindings, type IdCheckContext, type IdFindings } from './id-findings.js';
import { countryByAlpha3, countryByNumeric } from './iso3166.js';
import { provinceFor, regionFor } from './regions.js';

const FORM_2023 = /^9\d{16}[\dX]$/;
const FORM_2004 = /^[A-Z]{3}\d{12}$/;
/** The 15-character card was issued until the 2023 card replaced it (December 2023). */
const LAST_FORM_2004_BIRTH_DATE = '2023-12-31';

export function checkForeignPermanentResident(number: string, context: IdCheckContext): IdFindings {
  if (number.length === 18 && FORM_2023.test(number)) return check2023Form(number, context);
  if (number.length === 15 && FORM_2004.test(number)) return check2004Form(number, context);
  const findings = emptyFindings();
  findings.errors.push(
    issue('ID_FORMAT', context.path, {
      zh: '外国人永久居留身份证号码应为18位数字（2023版，以9开头）或15位（3位国籍字母代码加12位数字）',
      en: 'a foreign permanent resident ID number is 18 digits starting with 9 (2023 card) or 3 letters and 12 digits (earlier card)',
    }),
  );
  return findings;
}

function check2023Form(number: string, context: IdCheckContext): IdFindings {
  const findings = emptyFindings();
  const province = provinceFor(number.slice(1, 3));
  if (province) {
    findings.region = province;
  } else {
    findings.errors.push(
      issue('ID_REGION', context.path, {
        zh: `第2–3位${number.slice(1, 3)}不是省级行政区划代码`,
        en: `digits 2–3 (${number.slice(1, 3)}) are not a province-level code`,
      }),
    );
  }
  const numeric = number.slice(3, 6);
  const country = countryByNumeric(numeric);
  if (country) findings.nationality = country.alpha3;
  else findings.errors.push(issue('ID_FORMAT', context.path, unknownNationality(numeric)));
  checkGb11643Body(number, context, findings);
  return findings;
}

function check2004Form(number: string, context: IdCheckContext): IdFindings {
  const findings = emptyFindings();
  const alpha3 = number.slice(0, 3);
  if (countryByAlpha3(alpha3)) findings.nationality = alpha3;
  else findings.errors.push(issue('ID_FORMAT', context.path, unknownNationality(alpha3)));

  const officeCode = `${number.slice(3, 7)}00`;
  const province = provinceFor(officeCode);
  if (!province) {
    findings.errors.push(
      issue('ID_REGION', context.path, {
        zh: `受理地代码${number.slice(3, 7)}的前两位不是省级行政区划代码`,
        en: `the accepting office code ${number.slice(3, 7)} does not start with a province-level code`,
      }),
    );
  } else {
    const office = regionFor(officeCode);
    findings.region = office ?? province;
    if (!office) {
      findings.warnings.push(
        issue('ID_REGION_COUNTY', context.path, {
          zh: `受理地代码${number.slice(3, 7)}不在GB/T 2260代码表中`,
          en: `the accepting office code ${number.slice(3, 7)} is not in the GB/T 2260 code list`,
        }),
      );
    }
  }

  const yymmdd = number.slice(7, 13);
  const reading = readBirthDate(centuryFor(yymmdd, context.today) + yymmdd, context.today);
  if (reading.date) findings.birthDate = reading.date;
  if (reading.problem) {
    findings.errors.push(issue('ID_BIRTHDATE', context.path, describeBirthDateProblem(reading.problem, context.today)));
  }

  const expected = icao9303CheckDigit(number.slice(0, 14));
  if (expected !== number.charAt(14)) {
    findings.errors.push(
      issue('ID_CHECKSUM', context.path, {
        zh: `第15位应为${expected}`,
        en: `the check digit should be ${expected}`,
      }),
    );
  }
  return findings;
}

/**
 * YYMMDD is read in the 2000s when that date lies before both today and the end of the 2004
 * card (a holder born 1900–1923 is less likely than one born 2000–2023), else in the 1900s.
 */
function centuryFor(yymmdd: string, today: string): '19' | '20' {
  const in2000s = `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  return in2000s <= today && in2000s <= LAST_FORM_2004_BIRTH_DATE ? '20' : '19';
}

function unknownNationality(code: string): { zh: string; en: string } {
  return { zh: `国籍代码${code}不是ISO 3166国家代码`, en: `nationality ${code} is not an ISO 3166 country code` };
}
