import crypto from 'node:crypto';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { base32 } from '@scure/base';
import { SyncFailure } from './failure';

/**
 * End-to-end encryption of sync (docs/sync.md, "Keys"): a random data key seals everything; the server keeps it
 * only wrapped by a key derived from the sync passphrase (argon2id) and by the recovery key. AEAD everywhere is
 * XChaCha20-Poly1305 with a random 24-byte nonce (random nonces are safe at this size), and associated data that
 * binds each sealed value to its account and its place, so nothing can be replayed elsewhere.
 */

export interface KdfParams {
  algorithm: 'argon2id';
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  /** base64url, 16 random bytes. */
  salt: string;
}

/** 64 MiB, 3 passes: about half a second on a laptop, costly for anyone guessing passphrases. */
export const defaultKdfCost = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 } as const;

const nonceBytes = 24;
const keyBytes = 32;

export const toBase64Url = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
export const fromBase64Url = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'));
const utf8 = (text: string) => new TextEncoder().encode(text);

export function randomBytes(count: number): Uint8Array {
  return new Uint8Array(crypto.randomBytes(count));
}

export function newKdfParams(cost: Omit<KdfParams, 'algorithm' | 'salt'> = defaultKdfCost): KdfParams {
  return { algorithm: 'argon2id', ...cost, salt: toBase64Url(randomBytes(16)) };
}

/** The key-encryption key of a passphrase. */
export async function deriveKeyFromPassphrase(passphrase: string, kdf: KdfParams): Promise<Uint8Array> {
  // Loaded when first needed: the native module costs every start of the app otherwise.
  const { hashRaw } = await import('@node-rs/argon2');
  const raw = await hashRaw(passphrase.normalize('NFC'), {
    // Algorithm.Argon2id: a const enum, which isolated modules cannot read from the declaration.
    algorithm: 2,
    memoryCost: kdf.memoryKiB,
    timeCost: kdf.iterations,
    parallelism: kdf.parallelism,
    outputLen: keyBytes,
    salt: fromBase64Url(kdf.salt),
  });
  return new Uint8Array(raw);
}

/** Seals `plaintext`: nonce || ciphertext (with its 16-byte tag). */
export function seal(key: Uint8Array, plaintext: Uint8Array, associatedData: string): Uint8Array {
  const nonce = randomBytes(nonceBytes);
  const sealed = xchacha20poly1305(key, nonce, utf8(associatedData)).encrypt(plaintext);
  const out = new Uint8Array(nonceBytes + sealed.length);
  out.set(nonce);
  out.set(sealed, nonceBytes);
  return out;
}

/** Opens what `seal` made; a wrong key, changed bytes or other associated data all fail with `failure`. */
export function open(key: Uint8Array, sealed: Uint8Array, associatedData: string, failure: SyncFailure): Uint8Array {
  if (sealed.length < nonceBytes + 16) throw failure;
  try {
    return xchacha20poly1305(key, sealed.subarray(0, nonceBytes), utf8(associatedData)).decrypt(sealed.subarray(nonceBytes));
  } catch {
    throw failure;
  }
}

const keyAad = (accountId: string, keyId: string) => `candid-key-v1|${accountId}|${keyId}`;

export function wrapDataKey(wrappingKey: Uint8Array, dataKey: Uint8Array, accountId: string, keyId: string): string {
  return toBase64Url(seal(wrappingKey, dataKey, keyAad(accountId, keyId)));
}

export function unwrapDataKey(wrappingKey: Uint8Array, wrapped: string, accountId: string, keyId: string): Uint8Array {
  const failure = new SyncFailure('passphrase', 'The passphrase or recovery key does not open this account’s key');
  const key = open(wrappingKey, fromBase64Url(wrapped), keyAad(accountId, keyId), failure);
  if (key.length !== keyBytes) throw failure;
  return key;
}

/** A new recovery key: 32 random bytes, shown as 52 base32 characters in groups of four. */
export function newRecoveryKey(): { key: Uint8Array; text: string } {
  const key = randomBytes(keyBytes);
  return { key, text: formatRecoveryKey(key) };
}

export function formatRecoveryKey(key: Uint8Array): string {
  const text = base32.encode(key).replace(/=+$/, '');
  return text.match(/.{1,4}/g)!.join(' ');
}

/** The bytes of a recovery key as typed (groups, dashes, any case), or null when it is not one. */
export function parseRecoveryKey(text: string): Uint8Array | null {
  const compact = text.toUpperCase().replace(/[\s-]/g, '');
  if (!/^[A-Z2-7]{52}$/.test(compact)) return null;
  try {
    const bytes = base32.decode(`${compact}====`);
    return bytes.length === keyBytes ? bytes : null;
  } catch {
    return null;
  }
}

/** The sub-keys of the data key, one per use (HKDF-SHA256), and the account their associated data names. */
export class SyncKeys {
  readonly batch: Uint8Array;
  readonly snapshot: Uint8Array;
  readonly image: Uint8Array;
  readonly blob: Uint8Array;
  private readonly blobName: Uint8Array;

  constructor(
    dataKey: Uint8Array,
    readonly accountId: string,
  ) {
    const derive = (info: string) => hkdf(sha256, dataKey, undefined, utf8(info), keyBytes);
    this.batch = derive('candid batch v1');
    this.snapshot = derive('candid snapshot v1');
    this.image = derive('candid image v1');
    this.blob = derive('candid blob v1');
    this.blobName = derive('candid blob name v1');
  }

  /** The server's name for a file: it cannot tell which known file it is. */
  blobNameOf(sha256Hex: string): string {
    return Buffer.from(hmac(sha256, this.blobName, utf8(sha256Hex))).toString('hex');
  }

  batchAad(batchId: string): string {
    return `candid-batch-v1|${this.accountId}|${batchId}`;
  }

  snapshotAad(snapshotId: string): (index: number, last: boolean) => string {
    return (index, last) => `candid-snapshot-v1|${this.accountId}|${snapshotId}|${index}|${last ? 1 : 0}`;
  }

  imageAad(imageId: string): (index: number, last: boolean) => string {
    return (index, last) => `candid-image-v1|${this.accountId}|${imageId}|${index}|${last ? 1 : 0}`;
  }

  blobAad(name: string): (index: number, last: boolean) => string {
    return (index, last) => `candid-blob-v1|${this.accountId}|${name}|${index}|${last ? 1 : 0}`;
  }
}
