/**
 * The 6-digit address code of a GB 11643 number (GB/T 2260). The province (first two digits)
 * must be real; an unknown or abolished county code is only a warning, because cards keep the
 * code they were issued under (INTERCHANGE §3 ID_REGION). The county is never checked against
 * the birth year: people are registered where they live, not where they were born.
 */
import { issue } from '../../shared/codes.js';
import type { IdCheckContext, IdFindings } from './id-findings.js';
import { provinceFor, type RegionInfo, regionFor } from './regions.js';

/** Sets `findings.region`; returns false when the province is not real (error already added). */
export function checkAddressCode(code: string, context: IdCheckContext, findings: IdFindings): boolean {
  const province = provinceFor(code);
  if (!province) {
    const digits = code.slice(0, 2);
    findings.errors.push(
      issue('ID_REGION', context.path, {
        zh: `前两位${digits}不是省级行政区划代码`,
        en: `${digits} is not a province-level code`,
      }),
    );
    return false;
  }
  const division = regionFor(code);
  findings.region = division ?? province;
  if (!division) {
    findings.warnings.push(
      issue('ID_REGION_COUNTY', context.path, {
        zh: `${code}不在GB/T 2260代码表中`,
        en: `${code} is not in the GB/T 2260 code list`,
      }),
    );
  } else if (division.status === 'abolished') {
    findings.warnings.push(issue('ID_REGION_COUNTY', context.path, describeAbolished(division)));
  }
  return true;
}

function describeAbolished(region: RegionInfo): { zh: string; en: string } {
  const since = region.abolishedIn ? `${region.abolishedIn}` : '';
  const now = region.successors?.length ? region.successors.join('、') : '';
  return {
    zh: `${region.code}（${region.name}）${since ? `已于${since}年` : '已'}撤销${now ? `，现为${now}` : ''}`,
    en: `${region.code} (${region.name}) was abolished${since ? ` in ${since}` : ''}${now ? `; now ${region.successors?.join(', ')}` : ''}`,
  };
}
