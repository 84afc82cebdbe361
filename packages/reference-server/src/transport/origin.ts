/**
 * Is a browser `Origin` allowed? Requests without an Origin header come from non-browser
 * clients (Node SDK, bots), which the Origin check cannot and need not constrain.
 */
export function isOriginAllowed(origin: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined) return true;
  if (allowed.includes('*')) return true;
  return allowed.includes(origin.toLowerCase().replace(/\/$/, ''));
}
