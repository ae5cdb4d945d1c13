import type { LaunchOptions } from 'playwright-core';

/**
 * Debian's chromium, never a downloaded browser, headless and quiet (no updates, sync or
 * background requests of its own): as the browser journeys and the assets bench both launch it.
 */
export const headlessChromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
} satisfies LaunchOptions;

/** The journeys' browser, in Dutch: started once for all journeys (global-setup.ts). */
export const chromiumLaunch = {
  ...headlessChromium,
  args: [...headlessChromium.args, '--lang=nl-NL'],
} satisfies LaunchOptions;
