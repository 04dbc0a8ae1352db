import { createHmac } from 'node:crypto';

/**
 * The hash chain (P1.3): each event's hash is a keyed HMAC over the previous hash and the event's
 * own fields, so an edited, inserted or deleted event breaks every link after it, and the chain
 * cannot be recomputed without the key.
 */
export interface ChainedFields {
  seq: number;
  at: string;
  type: string;
  actor_kind: string;
  actor: string;
  request_id: string | null;
  ip: string | null;
  object_type: string | null;
  object_id: string | null;
  data: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The chain's own key, derived from the (non-rotating) index key. */
export function chainKeyFrom(indexKey: Buffer): Buffer {
  return createHmac('sha256', indexKey).update('veracity audit chain v1').digest();
}

export function linkHash(key: Buffer, prevHash: string, event: ChainedFields): string {
  const fields = [
    event.seq,
    event.at,
    event.type,
    event.actor_kind,
    event.actor,
    event.request_id ?? '',
    event.ip ?? '',
    event.object_type ?? '',
    event.object_id ?? '',
    event.data,
  ];
  return createHmac('sha256', key).update(prevHash).update(JSON.stringify(fields)).digest('hex');
}
