/**
 * 港澳台居民居住证 (HMT_RESIDENCE_PERMIT): GB 11643-shaped, with the address code 810000 (Hong
 * Kong), 820000 (Macau) or 830000 (Taiwan), then birth date, sequence and MOD 11-2 check.
 */
import { issue } from '../../shared/codes.js';
import { checkGb11643Body, GB11643_SHAPE } from './gb11643-parts.js';
import { emptyFindings, type IdCheckContext, type IdFindings } from './id-findings.js';
import { type RegionInfo, regionFor } from './regions.js';

/** Taiwan residents' permits use 830000, a code outside GB/T 2260 (Taiwan there is 710000). */
const TAIWAN_PERMIT_REGION: RegionInfo = { code: '830000', name: '台湾省', province: '台湾省', status: 'current' };

function permitRegion(prefix: string): RegionInfo | undefined {
  if (prefix === '810000' || prefix === '820000') return regionFor(prefix);
  if (prefix === '830000') return TAIWAN_PERMIT_REGION;
  return undefined;
}

export function checkHmtResidencePermit(number: string, context: IdCheckContext): IdFindings {
  const findings = emptyFindings();
  if (number.length !== 18 || !GB11643_SHAPE.test(number)) {
    findings.errors.push(
      issue('ID_FORMAT', context.path, {
        zh: `应为18位（17位数字加1位数字或X），现为${number.length}位`,
        en: `it must be 18 characters (17 digits and a digit or X); this one has ${number.length}`,
      }),
    );
    return findings;
  }
  const region = permitRegion(number.slice(0, 6));
  if (region) {
    findings.region = region;
  } else {
    findings.errors.push(
      issue('ID_FORMAT', context.path, {
        zh: '港澳台居民居住证号码应以810000（香港）、820000（澳门）或830000（台湾）开头',
        en: 'a residence permit number starts 810000 (Hong Kong), 820000 (Macau) or 830000 (Taiwan)',
      }),
    );
  }
  checkGb11643Body(number, context, findings);
  return findings;
}
