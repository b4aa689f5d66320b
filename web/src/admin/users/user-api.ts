import { ROLES } from '../../../../domain/auth/permissions';
import type { RoleName } from '../../../../contracts/socket-events';
import { graphql, type ResultOf } from '../../api/graphql';

const UserFields = graphql(`
  fragment UserFields on User {
    id
    name
    email
    role
    isActive
    lastLoginAt
  }
`);
export type User = ResultOf<typeof UserFields>;

export const USERS_KEY = ['users'] as const;
export const USERS_QUERY = graphql(
  `
    query Users {
      users {
        ...UserFields
      }
    }
  `,
  [UserFields],
);
export const CREATE_USER = graphql(
  `
    mutation CreateUser($input: CreateUserInput!) {
      createUser(input: $input) {
        ...UserFields
      }
    }
  `,
  [UserFields],
);
export const UPDATE_USER = graphql(
  `
    mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
      updateUser(id: $id, input: $input) {
        ...UserFields
      }
    }
  `,
  [UserFields],
);

const UserAccessLinkFields = graphql(`
  fragment UserAccessLinkFields on UserAccessLink {
    token
    expiresAt
    user {
      id
      name
    }
  }
`);
export type UserAccessLink = ResultOf<typeof UserAccessLinkFields>;

export const INVITE_USER = graphql(
  `
    mutation InviteUser($input: InviteUserInput!) {
      inviteUser(input: $input) {
        ...UserAccessLinkFields
      }
    }
  `,
  [UserAccessLinkFields],
);
export const RESET_USER_PASSWORD = graphql(
  `
    mutation ResetUserPassword($id: ID!) {
      resetUserPassword(id: $id) {
        ...UserAccessLinkFields
      }
    }
  `,
  [UserAccessLinkFields],
);

/** Only an owner may create or promote owners (the API enforces it; the form just does not offer it). */
export function assignableRoles(actorRole: RoleName): RoleName[] {
  return ROLES.filter((r) => r !== 'OWNER' || actorRole === 'OWNER');
}
