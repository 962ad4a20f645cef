// Debian's Chromium as the build (scripts/page-options.mjs) and the tests start it: as root,
// hence no sandbox, and kept off the network, which these machines cannot reach.
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
};
