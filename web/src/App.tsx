import { useSession } from './auth/AuthContext';
import { LoginPage } from './auth/LoginPage';
import { Shell } from './shell/Shell';

export function App() {
  const session = useSession();
  // Keyed by user and tenant: signing in as someone else starts from a clean shell and socket.
  return session ? <Shell key={`${session.tenant.id}:${session.user.id}`} /> : <LoginPage />;
}
