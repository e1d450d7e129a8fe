import path from 'node:path';
import type { SafeStorage } from 'electron';
import { FileSecretStore, type SecretStore } from '../sync/secrets';

/**
 * The desktop's secret store: the secrets file of the data folder, encrypted with Electron's safeStorage (the
 * macOS Keychain, Windows DPAPI, the Secret Service or KWallet on Linux). Where the system offers no encryption,
 * the file stays readable by its owner only (mode 0600), as in the browser shell; SECURITY.md says so.
 */
export function desktopSecretStore(dataDir: string, safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>): SecretStore {
  if (!safeStorage.isEncryptionAvailable()) return new FileSecretStore(path.join(dataDir, 'sync-secrets.json'));
  return new FileSecretStore(path.join(dataDir, 'sync-secrets.bin'), {
    encode: (text) => safeStorage.encryptString(text),
    decode: (bytes) => safeStorage.decryptString(bytes),
  });
}
