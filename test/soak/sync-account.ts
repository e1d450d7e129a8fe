/** The account the sync soak's devices share (test/soak/sync-rounds.ts and its worker). */
export const soakAccount = { password: 'correct horse battery', passphrase: 'a long sync passphrase' };

/** Cheap key derivation: the soak is about interrupted syncs, not about deriving a key. */
export const soakKdfCost = { memoryKiB: 1024, iterations: 1, parallelism: 1 };
