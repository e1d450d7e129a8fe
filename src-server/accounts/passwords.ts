import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { ServerConfig } from '../config';

/** @node-rs/argon2's `Algorithm.Argon2id` (a const enum, which isolated modules cannot read). */
const argon2id = 2;

/**
 * argon2id password hashes (@node-rs/argon2 2.2: a prebuilt binary; the PHC string keeps its parameters, so
 * changing the configured cost only affects new hashes). Verification compares in constant time inside argon2.
 */
export class Passwords {
  private readonly options;
  private readonly dummy: Promise<string>;

  constructor(cost: ServerConfig['passwordHashing']) {
    this.options = { algorithm: argon2id, ...cost };
    // Log-in with an unknown e-mail verifies against this, so it costs what a wrong password costs.
    this.dummy = hash(crypto.randomBytes(32), this.options);
  }

  hash(password: string): Promise<string> {
    return hash(password, this.options);
  }

  async verify(stored: string | undefined, password: string): Promise<boolean> {
    if (stored === undefined) {
      await verify(await this.dummy, password);
      return false;
    }
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  }
}
