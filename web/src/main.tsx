import './zod-jitless';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api/client';
import { ApiContext } from './api/hooks';
import { createQueryClient } from './api/query-client';
import { App } from './App';
import { AuthClient } from './auth/auth-client';
import { AuthContext } from './auth/AuthContext';
import { publicRouteOf } from './public/public-route';
import './styles.css';

// A board screen or a tracking link: no session, no app; its code loads on its own.
const PublicPage = lazy(() => import('./public/PublicPage').then((m) => ({ default: m.PublicPage })));
const publicRoute = publicRouteOf(window.location.pathname);
const root = createRoot(document.getElementById('root')!);

if (publicRoute) {
  root.render(
    <StrictMode>
      <Suspense fallback={null}>
        <PublicPage route={publicRoute} />
      </Suspense>
    </StrictMode>,
  );
} else {
  const auth = new AuthClient();
  const api = createApi(auth);
  const queryClient = createQueryClient();
  // Another user's cached data must never show after a sign-out on a shared tablet.
  auth.subscribe(() => {
    if (!auth.getSession()) queryClient.clear();
  });

  root.render(
    <StrictMode>
      <AuthContext.Provider value={auth}>
        <ApiContext.Provider value={api}>
          <QueryClientProvider client={queryClient}>
            <App />
          </QueryClientProvider>
        </ApiContext.Provider>
      </AuthContext.Provider>
    </StrictMode>,
  );
}
