/**
 * English strings of the page the browser shell serves to a browser it has not let in yet (src-main/transports/
 * launch-page.ts). Keys must match fr/launch.ts.
 */
export default {
  title: 'Open Candid',
  heading: 'Candid is running, but this browser has not been let in',
  howTo: 'Go to the terminal where Candid runs and open the address it printed last: it starts with {{prefix}}.',
  once: 'Each address lets one browser in, once. After it is used, the terminal prints a new one for the next browser.',
  used: 'The address you opened was already used, or Candid was restarted since it was printed.',
  key: 'This page never holds Candid’s key, so other programs and users of this computer cannot read it from here.',
  scripts: 'Scripts call the local API with the token in the file api-token of the data folder, which only you can read.',
};
