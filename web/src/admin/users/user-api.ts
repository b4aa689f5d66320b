import { ROLES } from '../../../../domain/auth/permissions';
import type { RoleName } from '../../../../contracts/socket-events';

export interface User {
  id: string;
  name: string;
  email: string;
  role: RoleName;
  isActive: boolean;
  lastLoginAt: string | null;
}

export const USERS_KEY = ['users'] as const;
const FIELDS = 'id name email role isActive lastLoginAt';
export const USERS_QUERY = `query Users { users { ${FIELDS} } }`;
export const CREATE_USER = `mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ${FIELDS} } }`;
export const UPDATE_USER = `mutation UpdateUser($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { ${FIELDS} } }`;

/** Only an owner may create or promote owners (the API enforces it; the form just does not offer it). */
export function assignableRoles(actorRole: RoleName): RoleName[] {
  return ROLES.filter((r) => r !== 'OWNER' || actorRole === 'OWNER');
}

export const ROLE_HINTS: Record<RoleName, string> = {
  OWNER: 'everything',
  ADMIN: 'everything, incl. users',
  MANAGER: 'kitchen, menu, recipes',
  STAFF: 'cooks on the KDS',
  OPERATOR: 'phone orders',
  DELIVERY: 'riders',
};
