import { useEffect, useState } from 'react';
import { gql } from './graphql';

type Session = { accessToken: string; user: { id: string; name: string; role: string }; tenant: { name: string; slug: string } };
type Station = { id: string; name: string; capacity: number; taskTypes: string[]; isActive: boolean };

const LOGIN = `mutation Login($tenant: String!, $email: String!, $password: String!) {
  login(tenant: $tenant, email: $email, password: $password) { accessToken user { id name role } tenant { name slug } }
}`;

export function App() {
  const [session, setSession] = useState<Session | null>(() => {
    const raw = sessionStorage.getItem('brigade.session');
    return raw ? (JSON.parse(raw) as Session) : null;
  });
  if (!session) return <Login onLogin={(s) => { sessionStorage.setItem('brigade.session', JSON.stringify(s)); setSession(s); }} />;
  return <Home session={session} onLogout={() => { sessionStorage.removeItem('brigade.session'); setSession(null); }} />;
}

function Login({ onLogin }: { onLogin: (s: Session) => void }) {
  const [tenant, setTenant] = useState('demo');
  const [email, setEmail] = useState('manager@demo.local');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <main style={{ maxWidth: 360, margin: '10vh auto', fontFamily: 'system-ui' }}>
      <h1>Brigade</h1>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          try {
            const data = await gql<{ login: Session }>(LOGIN, { tenant, email, password });
            onLogin(data.login);
          } catch (err) {
            setError(err instanceof Error ? err.message : String(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        <label>Restaurant<br /><input value={tenant} onChange={(e) => setTenant(e.target.value)} required /></label><br />
        <label>Email<br /><input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required /></label><br />
        <label>Password<br /><input type="password" value={password} onChange={(e) => setPassword(e.target.value)} required /></label><br />
        {error && <p role="alert" style={{ color: 'crimson' }}>{error}</p>}
        <button type="submit" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </main>
  );
}

function Home({ session, onLogout }: { session: Session; onLogout: () => void }) {
  const [stations, setStations] = useState<Station[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    gql<{ stations: Station[] }>('{ stations { id name capacity taskTypes isActive } }', {}, session.accessToken)
      .then((d) => setStations(d.stations))
      .catch((err: Error) => setError(err.message));
  }, [session.accessToken]);
  return (
    <main style={{ maxWidth: 720, margin: '5vh auto', fontFamily: 'system-ui' }}>
      <header style={{ display: 'flex', justifyContent: 'space-between' }}>
        <h1>{session.tenant.name}</h1>
        <span>{session.user.name} ({session.user.role}) <button onClick={onLogout}>Sign out</button></span>
      </header>
      <h2>Stations</h2>
      {error && <p role="alert">{error}</p>}
      {!stations && !error && <p>Loading…</p>}
      {stations?.length === 0 && <p>No stations yet.</p>}
      <ul>{stations?.map((s) => <li key={s.id}>{s.name} — capacity {s.capacity} — {s.taskTypes.join(', ')}</li>)}</ul>
    </main>
  );
}
