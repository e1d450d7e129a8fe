import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Where sync keeps its secrets (the session's tokens and the data key): never in the database, which backups and
 * exports copy. The desktop keeps them encrypted by the operating system (src-main/shell/secret-store.ts, Electron's
 * safeStorage); the browser shell in a file of the data folder readable by its owner only (`FileSecretStore`).
 */
export interface SecretStore {
  get(name: string): string | null;
  set(name: string, value: string): void;
  delete(name: string): void;
}

const secretsFile = z.record(z.string(), z.string());

/**
 * Secrets as JSON text in one file, through `encode`/`decode` (the identity here; the desktop's safeStorage
 * encryption). Written under a temporary name with mode 0600 then renamed, so it is never half-written nor
 * readable by other users of the machine, even for a moment.
 */
export class FileSecretStore implements SecretStore {
  constructor(
    readonly file: string,
    private readonly codec: { encode(text: string): Buffer; decode(bytes: Buffer): string } = {
      encode: (text) => Buffer.from(text, 'utf8'),
      decode: (bytes) => bytes.toString('utf8'),
    },
  ) {}

  private read(): Record<string, string> {
    if (!fs.existsSync(this.file)) return {};
    try {
      return secretsFile.parse(JSON.parse(this.codec.decode(fs.readFileSync(this.file))));
    } catch {
      // Unreadable (damaged, or encrypted for another user account): as if empty; sync asks to sign in again.
      return {};
    }
  }

  private write(values: Record<string, string>): void {
    if (Object.keys(values).length === 0) {
      fs.rmSync(this.file, { force: true });
      return;
    }
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const partial = `${this.file}.${crypto.randomBytes(6).toString('hex')}.partial`;
    fs.writeFileSync(partial, this.codec.encode(JSON.stringify(values)), { mode: 0o600 });
    fs.renameSync(partial, this.file);
  }

  get(name: string): string | null {
    return this.read()[name] ?? null;
  }

  set(name: string, value: string): void {
    this.write({ ...this.read(), [name]: value });
  }

  delete(name: string): void {
    const values = this.read();
    if (!(name in values)) return;
    delete values[name];
    this.write(values);
  }
}

/** The browser shell's store: `<data>/sync-secrets.json`, mode 0600. */
export function browserSecretStore(dataDir: string): SecretStore {
  return new FileSecretStore(path.join(dataDir, 'sync-secrets.json'));
}
