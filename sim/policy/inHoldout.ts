import type { ResolvedPolicy } from "./types.ts";

/**
 * Whether a session belongs to the policy's holdout: never offered chat (no invitation and no "Need
 * help?" button), the comparison group that identifies what chat causes. The assignment is a hash of
 * `salt:sessionKey` mapped to [0, 1) and compared with the share, so it needs no random stream (the
 * simulator's draws do not shift) and the live store and the simulator assign the same way: the store
 * keys by its session id, the simulator by `${seed}:${session number}`.
 *
 * @example
 * inHoldout(resolvePolicy({ name: "p", holdout: 0.1 }), "session-42") // true for about 1 key in 10
 */
export function inHoldout(policy: ResolvedPolicy, sessionKey: string): boolean {
  return policy.holdout.share > 0 && holdoutHash(`${policy.holdout.salt}:${sessionKey}`) < policy.holdout.share;
}

/**
 * A string's hash as a number in [0, 1): 32-bit FNV-1a over its UTF-16 code units, then MurmurHash3's
 * fmix32 finaliser so that keys differing in the last character land far apart (FNV alone leaves the
 * low bits of similar keys correlated).
 */
export function holdoutHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 4294967296;
}
