/** The plan of the planted-links book: every plant, how many times, and every kind they count as. */
import type { Book } from './book.js';
import * as complaints from './complaint-plants.js';
import * as nextDay from './next-day-plants.js';
import * as nonClues from './non-clue-plants.js';
import * as sellers from './seller-plants.js';
import * as shared from './shared-plants.js';

export type PlantFn = (book: Book, i: number) => void;

/** [plant, times]: each is planted at least ten times; variants cycle with the index. */
export function plan(floodHouseholds: number): ReadonlyArray<readonly [PlantFn, number]> {
  return [
    [shared.phonePair, 24],
    [shared.phoneMany, 12],
    [shared.landline, 12],
    [shared.notFamily, 12],
    [shared.familyAndOutsider, 12],
    [shared.sharedAccount, 20],
    [(book, i) => shared.flood(book, i, floodHouseholds), 20],
    [(book, i) => shared.tenHouseholds(book, i, floodHouseholds), 20],
    [sellers.ownPhone, 15],
    [sellers.relativePhone, 15],
    [sellers.address, 15],
    [sellers.otherSeller, 15],
    [sellers.sellerAndCustomer, 12],
    [sellers.sellerBuysOwn, 12],
    [complaints.recheck, 25],
    [complaints.notCounting, 15],
    [complaints.verifiedLater, 12],
    [nonClues.sameCustomer, 30],
    [nonClues.family, 30],
    [nonClues.sharedAddress, 12],
    [nextDay.newLink, 12],
    [nextDay.joins, 12],
    [nextDay.sameOrFamily, 14],
    [nextDay.agentContact, 16],
    [nextDay.cleared, 15],
  ];
}

/** Every kind a plant instance can count as. */
export const PLANT_KINDS: readonly string[] = [
  ...Object.values(shared.KIND),
  ...Object.values(sellers.KIND),
  ...Object.values(complaints.KIND),
  ...Object.values(nonClues.KIND),
  ...Object.values(nextDay.KIND),
];
