/** Independent random streams of one book; each is keyed further by a record index. */
export const Stream = {
  agentProfile: 1,
  agentDetails: 2,
  household: 3,
  person: 4,
  account: 5,
  sale: 6,
  purchase: 7,
  application: 8,
  defect: 9,
  sharedContact: 10,
  complaint: 11,
} as const;
