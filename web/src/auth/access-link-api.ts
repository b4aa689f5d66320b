import { graphql } from '../api/graphql';
import { AuthPayloadFields } from './session';

/** The page a one-time link opens (hash route: the token never reaches a server log). */
export const WELCOME_PATTERN = '/welcome/:token';
export const SIGN_UP_PATH = '/signup';

/** The absolute one-time link an admin passes on. */
export function welcomeUrl(token: string, origin = window.location.origin): string {
  return `${origin}/#/welcome/${encodeURIComponent(token)}`;
}

export const REDEEM_ACCESS_LINK = graphql(
  `
    mutation RedeemAccessLink($token: String!, $password: String!) {
      redeemAccessLink(token: $token, password: $password) {
        ...AuthPayloadFields
      }
    }
  `,
  [AuthPayloadFields],
);

export const SIGN_UP_ENABLED = graphql(`
  query SignUpEnabled {
    signUpEnabled
  }
`);

export const SIGN_UP = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      token
      tenant {
        slug
      }
    }
  }
`);
