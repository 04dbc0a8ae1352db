import type { Issue } from '../../shared/codes.js';
import type { RegionInfo } from './regions.js';

/** What one document-specific check finds in a normalised number (P5.6). */
export interface IdFindings {
  errors: Issue[];
  warnings: Issue[];
  birthDate?: string;
  gender?: 'M' | 'F';
  region?: RegionInfo;
  nationality?: string;
  upgraded18?: string;
}

export interface IdCheckContext {
  /** YYYY-MM-DD: birth dates after it are errors. */
  today: string;
  /** Field path put on every issue. */
  path: string;
}

export function emptyFindings(): IdFindings {
  return { errors: [], warnings: [] };
}

/** GB 11643 §5.3: the sequence code is odd for men, even for women. */
export function genderFromSequenceDigit(digit: string): 'M' | 'F' {
  return (digit.charCodeAt(0) - 48) % 2 === 1 ? 'M' : 'F';
}
