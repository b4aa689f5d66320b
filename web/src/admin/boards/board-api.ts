import { graphql, type ResultOf } from '../../api/graphql';

const BoardScreenFields = graphql(`
  fragment BoardScreenFields on BoardScreen {
    id
    name
    createdAt
    revokedAt
  }
`);
export type BoardScreen = ResultOf<typeof BoardScreenFields>;

export const BOARD_SCREENS_KEY = ['board-screens'] as const;
export const BOARD_SCREENS_QUERY = graphql(
  `
    query BoardScreens {
      boardScreens {
        ...BoardScreenFields
      }
    }
  `,
  [BoardScreenFields],
);
export const CREATE_BOARD_SCREEN = graphql(
  `
    mutation CreateBoardScreen($input: CreateBoardScreenInput!) {
      createBoardScreen(input: $input) {
        token
        screen {
          ...BoardScreenFields
        }
      }
    }
  `,
  [BoardScreenFields],
);
export const REVOKE_BOARD_SCREEN = graphql(
  `
    mutation RevokeBoardScreen($id: ID!) {
      revokeBoardScreen(id: $id) {
        ...BoardScreenFields
      }
    }
  `,
  [BoardScreenFields],
);
