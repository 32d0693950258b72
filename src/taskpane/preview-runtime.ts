/**
 * This page also hosts functions.js (a shared runtime), whose last lines register the ITCOST
 * functions with CustomFunctions.associate. Opened in a plain browser without office.js (offline,
 * or office.js blocked) there is no CustomFunctions, and those lines would throw. This stand-in
 * accepts the registrations so the preview runs cleanly; inside Office, office.js defines the real one.
 */
export function installPreviewCustomFunctions(): void {
  const scope = globalThis as { CustomFunctions?: unknown };
  if (scope.CustomFunctions !== undefined) return;
  scope.CustomFunctions = {
    associate: () => undefined,
    Error: class PreviewCustomFunctionsError {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    },
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!' },
  };
}
