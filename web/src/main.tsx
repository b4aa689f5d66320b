import './zod-jitless';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api/client';
import { ApiContext } from './api/hooks';
import { createQueryClient } from './api/query-client';
import { App } from './App';
import { AuthClient } from './auth/auth-client';
import { AuthContext } from './auth/AuthContext';
import './styles.css';

const auth = new AuthClient();
const api = createApi(auth);
const queryClient = createQueryClient();
// Another user's cached data must never show after a sign-out on a shared tablet.
auth.subscribe(() => {
  if (!auth.getSession()) queryClient.clear();
});

createRoot(document.getElementById('root')!).render(
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
