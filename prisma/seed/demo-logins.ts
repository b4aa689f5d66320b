import type { Role } from '../generated/enums';

/** Every demo account shares this password; printed by `npm start` and the README. */
export const DEMO_PASSWORD = 'demo1234';

export type DemoLogin = { tenant: string; email: string; role: Role; name: string; password: string };

const login = (tenant: string, email: string, role: Role, name: string): DemoLogin => ({
  tenant,
  email,
  role,
  name,
  password: DEMO_PASSWORD,
});

/** One user per role in `demo`, and a manager in `demo2` (to see tenant isolation from both sides). */
export const DEMO_LOGINS: readonly DemoLogin[] = [
  login('demo', 'owner@demo.local', 'OWNER', 'Marco Bianchi'),
  login('demo', 'admin@demo.local', 'ADMIN', 'Sofia Ricci'),
  login('demo', 'manager@demo.local', 'MANAGER', 'Luca Conti'),
  login('demo', 'cook@demo.local', 'STAFF', 'Mei Chen'),
  login('demo', 'operator@demo.local', 'OPERATOR', 'Giulia Russo'),
  login('demo', 'rider@demo.local', 'DELIVERY', 'Ahmed Haddad'),
  login('demo2', 'manager@demo2.local', 'MANAGER', 'Dana Novak'),
];
