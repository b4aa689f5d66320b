import { useEffect, useState } from 'react';
import { openPublicFeed, type FeedState } from './public-feed';
import type { PublicRoute } from './public-route';

/** The live view of a public page; a new token starts from loading. */
export function usePublicFeed<T>({ kind, token }: PublicRoute): FeedState<T> {
  const [state, setState] = useState<FeedState<T>>({ kind: 'loading' });
  useEffect(() => openPublicFeed<T>({ kind, token }, setState), [kind, token]);
  return state;
}
