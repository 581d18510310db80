/**
 * The join stage: after a file's batches are written, the mentions its profile's join keys name
 * (the agency's own person id, in this file and in the agency's earlier ones) become confirmed
 * same-person pairs decided by the profile. It runs after every batch has committed, so that two
 * batches in flight never miss each other's mentions; a failure leaves the Source importing, and
 * running the import again joins them then.
 */
import { joinKeyColumns, type Profile } from '../../core/profile';
import type { Database } from '../../db/database';

/**
 * Mentions of one key joined pair by pair up to this many; beyond it, each to the first only (a
 * placeholder such as "0" under every row must not make pairs without bound).
 */
export const MAX_JOIN_GROUP = 50;

/** Whether any person of the profile has a join key. */
export function joinsPersons(profile: Profile): boolean {
  return Object.values(profile.entities).some((e) => joinKeyColumns(e).length > 0);
}

/** Joins the persons of a source by their join keys; answers how many pairs the keys hold. */
export async function joinPersons(db: Database, source: string, now: string): Promise<number> {
  const [row] = await db.write('imports/join-persons', { source, now, maxGroup: MAX_JOIN_GROUP });
  return Number(row?.get('pairs') ?? 0);
}
