/** English strings of Settings ▸ Browser extension (pairing the "Save to Candid" extension). */
export default {
  title: 'Browser extension',
  description:
    'The “Save to Candid” extension for Chromium, Chrome, Edge and Brave saves the posting you are reading to your wishlist in one click. A paired browser can only save postings: it cannot read anything in Candid.',
  pair: 'Pair a browser',
  newCode: 'New code',
  codeLabel: 'Pairing code',
  codeHint: 'Type this code in the extension’s window (click its icon in the browser’s toolbar). It works once.',
  expires: 'Expires at {{time}}',
  expired: 'This code has expired. Ask for a new one.',
  paired: '{{name}} is paired.',
  browsers: 'Paired browsers',
  none: 'No browser is paired yet.',
  unnamed: 'A browser',
  pairedAt: 'Paired {{date}}',
  lastUsed: 'Last used {{date}}',
  neverUsed: 'Not used yet',
  revoke: 'Revoke',
  revokeLabel: 'Revoke {{name}}',
  revoked: '{{name}} can no longer save to Candid. To use it again, pair it with a new code.',
};
