import { createHash } from 'node:crypto';
import type { ResolvedProfile } from './resolved-profile.js';

const profileHashes = new WeakMap<ResolvedProfile, string>();

/**
 * SHA-256 (hex) of a resolved profile's JSON: what the audit trail and the batch manifest record
 * as "the rules this record was judged by". The registry hands out one frozen object per profile
 * version, so the hash is memoised per object.
 */
export function profileSha256(profile: ResolvedProfile): string {
  let hash = profileHashes.get(profile);
  if (hash === undefined) {
    hash = createHash('sha256').update(JSON.stringify(profile)).digest('hex');
    profileHashes.set(profile, hash);
  }
  return hash;
}
