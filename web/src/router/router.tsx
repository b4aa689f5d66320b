import { useSyncExternalStore, type AnchorHTMLAttributes, type ReactNode } from 'react';

/**
 * A hash router small enough to read in one sitting: the API server serves one index.html at `/`,
 * so hash paths need no server rewrites, and the apps only need path → screen with one param.
 */
function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function currentPath(): string {
  const raw = window.location.hash.replace(/^#/, '');
  return raw.startsWith('/') ? raw.split('?')[0] : '/';
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath, () => '/');
}

export function navigate(path: string, { replace = false } = {}): void {
  if (replace) window.location.replace(`#${path}`);
  else window.location.hash = path;
}

/** `/designer/:id` against `/designer/abc` → `{ id: 'abc' }`; null when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(have[i]);
    else if (want[i] !== have[i]) return null;
  }
  return params;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & {
  to: string;
  children: ReactNode;
  exact?: boolean;
  /** Marks the link current for every path under this prefix (a section link). */
  activePrefix?: string;
  /** Paths under `to` that belong to another link (a tab of their own), so this one is not current there. */
  activeExcept?: string[];
};

/** A real <a href="#…">, so links work with the keyboard, middle-click and screen readers. */
export function Link({ to, children, exact = false, activePrefix, activeExcept = [], ...rest }: LinkProps) {
  const path = usePath();
  const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  const active = activePrefix ? path.startsWith(activePrefix) : exact ? path === to : under(to) && !activeExcept.some(under);
  return (
    <a href={`#${to}`} aria-current={active ? 'page' : undefined} {...rest}>
      {children}
    </a>
  );
}
