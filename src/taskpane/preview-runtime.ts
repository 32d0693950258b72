import { installStandInCustomFunctions } from '../functions/stand-in-runtime';

/**
 * This page also hosts functions.js (a shared runtime), whose last lines register the ITCOST
 * functions with CustomFunctions.associate. Opened in a plain browser without office.js (offline,
 * or office.js blocked) there is no CustomFunctions, and those lines would throw. The stand-in
 * accepts the registrations so the preview runs cleanly; inside Office, office.js defines the real one.
 */
export function installPreviewCustomFunctions(): void {
  if ((globalThis as { CustomFunctions?: unknown }).CustomFunctions !== undefined) return;
  installStandInCustomFunctions();
}
