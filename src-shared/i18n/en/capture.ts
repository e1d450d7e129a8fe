/** English strings of the Capture screen (a posting from a link or a page). Keys must match fr/capture.ts. */
export default {
  title: 'Capture a posting',
  intro: 'Bring a job posting into Candid without typing: Candid reads its title, company, place, salary and text, and you confirm.',
  palette: 'Capture a posting (from a link or a page)',
  open: 'Capture a posting',
  waysLabel: 'Two ways in',
  link: {
    title: 'From a link',
    text: 'Paste the posting’s address. Candid fetches the page itself, without your cookies or sign-in.',
    label: 'Posting address',
    placeholder: 'https://…',
    read: 'Read the posting',
  },
  html: {
    title: 'From the page itself',
    text: 'For a page behind a sign-in, or a link Candid cannot read: in your browser, view the page’s source (Ctrl+U), select all, copy, and paste it here — or drop the saved page (.html).',
    label: 'The page’s HTML',
    url: 'The page’s address (optional)',
    urlHint: 'Kept with the posting, and completes the links of its text.',
    read: 'Read the pasted page',
    file: 'Open a saved page…',
    drop: 'Drop a saved page (.html) here',
    loaded: '{{name}} loaded.',
    notHtmlFile: '{{name}} is not a saved web page: choose an .html or .htm file.',
    fileTooLarge: '{{name}} is too large to be a posting page (over 5 MB).',
    required: 'Paste the page’s HTML first.',
    linkRequired: 'Paste the posting’s address first.',
  },
  reading: {
    title: 'Reading the posting…',
    link: 'Fetching {{url}}. A slow site can take up to 15 seconds.',
    html: 'Reading the pasted page.',
    cancel: 'Cancel',
    cancelled: 'Reading cancelled. Nothing was saved.',
  },
  pick: {
    title_one: '{{count}} posting on this page',
    title_other: '{{count}} postings on this page',
    hint: 'Pick the one to track: ↑ and ↓ move, Enter opens it.',
    label: 'Postings on the page',
    noCompany: 'Company not given',
    noLocation: 'Place not given',
  },
  form: {
    title: 'Confirm the application',
    hint: 'Read from {{origin}}. Check the fields, change what you like, then save: nothing is saved before.',
    origin: {
      json_ld: 'the page’s structured data',
      microdata: 'the page’s structured data',
      open_graph: 'the page’s title and summary only',
      page: 'the page’s text only',
    },
    save: 'Save the application',
    otherPostings: 'Other postings on the page',
    startAgain: 'Start again',
    saved: '{{position}} at {{company}} saved, with the posting.',
  },
  notes: {
    posted: 'Posted on {{date}}.',
    reference: 'Reference: {{identifier}}.',
    directApply: 'Apply directly from the posting.',
    website: 'Company site: {{url}}',
  },
  posting: {
    title: 'The posting as captured',
    hint: 'Kept as it was read, even if the page changes or disappears.',
    captured: 'Captured on {{date}}',
    source: 'Read from',
    noText: 'The page gave no text for this posting.',
  },
  errors: {
    title: 'No posting was read. Nothing was saved.',
    empty_page: {
      what: 'The page is empty.',
      next: 'Paste the whole page: view its source in your browser (Ctrl+U), select all, copy, paste.',
    },
    no_posting: {
      what: 'No job posting was found on this page.',
      next: 'Check that it is the posting itself, not a list of results. If it is, paste its page’s HTML, or add the application by hand.',
    },
    not_html: {
      what: 'This address gives a file, not a web page.',
      next: 'Open the posting in your browser and paste its page’s HTML instead.',
    },
    http_status: {
      what: 'The site answered with an error (HTTP {{status}}).',
      next: 'Check the link in your browser. If the posting shows there (after signing in, say), paste its page’s HTML instead.',
    },
    too_large: {
      what: 'The page is too large to read (over 5 MB).',
      next: 'Paste only the posting’s part of the page, or add the application by hand.',
    },
    too_many_redirects: {
      what: 'The link sends from address to address without reaching a page.',
      next: 'Open it in your browser, then paste the address it ends on, or the page’s HTML.',
    },
    timeout: {
      what: 'The site did not answer within 15 seconds.',
      next: 'Try again in a moment, or paste the page’s HTML instead.',
    },
    unreachable: {
      what: 'The site could not be reached.',
      next: 'Check the address and your connection, or paste the page’s HTML instead.',
    },
    not_http: {
      what: 'Only web addresses (http:// or https://) can be read.',
      next: 'Copy the posting’s address from your browser’s address bar.',
    },
    bad_url: {
      what: 'This is not a web address.',
      next: 'Copy the posting’s address from your browser’s address bar: it starts with https://.',
    },
    private_address: {
      what: 'Candid does not read addresses on this computer or its local network.',
      next: 'This keeps a pasted link from reaching your router or local programs. If the posting really is there, open it in your browser and paste its HTML instead.',
    },
  },
};
