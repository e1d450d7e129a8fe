/** Settings ▸ Sync ▸ Who can read your data (src-renderer/src/features/sync/AccountMode.tsx). */
export default {
  title: 'Who can read your data',
  loading: 'Asking the server…',
  state: {
    private: 'Private (end-to-end encrypted).',
    readable: 'Readable by the server.',
  },
  explain: {
    private: 'The server only relays sealed data it cannot read. Its REST API is off for this account.',
    readable: 'The server can read your search and serves it through its REST API (/v1 and the JobTracker-compatible API) to your scripts and other apps.',
  },
  makeReadable: 'Let the server read my data…',
  makePrivate: 'Make my data private again…',
  readable: {
    title: 'Let the server read your data?',
    intro: 'Your encryption key will be given to the server. Then:',
    reads: 'The server, and whoever runs it or gains access to it, can read everything you sync: applications, companies, contacts, interviews, notes, tasks, documents and their files.',
    stored: 'The server keeps a readable copy of your search (encrypted on its disk with the server’s own key, which the server process holds).',
    api: 'Its REST API is turned on for your account: anyone with your e-mail and password can read and change your data from a script or another app.',
    undo: 'You can make it private again later: this device then makes a new key, and the server deletes its copy and the key it held.',
    understand: 'I understand that the server will be able to read my data',
    confirm: 'Let the server read my data',
    done: 'The server can now read your data. Its REST API is on for your account.',
  },
  private: {
    title: 'Make your data private again?',
    intro: 'The server deletes its readable copy and the key it held, and its REST API stops answering for your account. Because the server held the key:',
    rotate: 'This device makes a new encryption key, wraps it with your sync passphrase, and uploads your search sealed with it. This can take a while for a large search.',
    recovery: 'You get a new recovery key, shown once: the old one stops working.',
    devices: 'Your other devices ask for the sync passphrase once, then sync as before.',
    passphrase: 'Sync passphrase',
    passphraseHint: 'It proves it is you, and protects the new key.',
    confirm: 'Make private',
    busy: 'Making a new key…',
    done: 'Your data is private again. Save the new recovery key.',
  },
  cancel: 'Cancel',
} as const;
