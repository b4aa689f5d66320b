/** The pages without a user, by real path (not the app's hash routes): a QR code or a screen opens them directly. */
export type PublicRoute = { kind: 'board' | 'track'; token: string };

export function publicRouteOf(pathname: string): PublicRoute | null {
  const match = /^\/(board|track)\/([^/]+)\/?$/.exec(pathname);
  if (!match) return null;
  let token: string;
  try {
    token = decodeURIComponent(match[2]);
  } catch {
    token = match[2];
  }
  return { kind: match[1] as PublicRoute['kind'], token };
}

/** The absolute link of a public page, for copying or a QR code. */
export function publicUrl(kind: PublicRoute['kind'], token: string, origin = window.location.origin): string {
  return `${origin}/${kind}/${encodeURIComponent(token)}`;
}
