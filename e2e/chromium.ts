/**
 * Debian's Chromium at `/usr/bin/chromium`, never a downloaded browser: how the end-to-end tests and the
 * benchmarks launch it, as root in a container, with no background traffic of its own.
 */
export const chromiumLaunch = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
