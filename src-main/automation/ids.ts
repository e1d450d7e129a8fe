import crypto from 'node:crypto';

/**
 * A UUID-shaped id computed from what a record is (a rule, its subject, the occurrence): two devices that run the
 * same rule on the same data write the same row, and sync's last-writer-wins merges them into one. RFC 9562's
 * version 8 (custom) marks it as not time-ordered; the bits come from SHA-256.
 */
export function deterministicId(...parts: readonly string[]): string {
  const hex = crypto.createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
