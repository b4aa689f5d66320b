import type { BoardScreen } from '../../../prisma/generated/client';
import { createBoardScreen } from '../../../core/customer-view/create-board-screen';
import { listBoardScreens } from '../../../core/customer-view/list-board-screens';
import { revokeBoardScreen } from '../../../core/customer-view/revoke-board-screen';
import { builder } from '../builder';

const BoardScreenRef = builder.objectRef<BoardScreen>('BoardScreen').implement({
  description: 'A pickup board by the counter (/board/<token>): order numbers preparing and ready, live, no login.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true, description: 'Set once revoked: the token opens nothing since.' }),
  }),
});

const CreatedBoardScreenRef = builder.objectRef<{ screen: BoardScreen; token: string }>('CreatedBoardScreen').implement({
  fields: (t) => ({
    screen: t.field({ type: BoardScreenRef, resolve: (c) => c.screen }),
    token: t.exposeString('token', {
      description: 'The screen opens /board/<token>. Shown this once: only its hash is stored.',
    }),
  }),
});

const CreateBoardScreenInput = builder.inputType('CreateBoardScreenInput', {
  fields: (t) => ({ name: t.string({ required: true, description: 'Where the screen hangs, e.g. "Counter". 1..100 characters.' }) }),
});

builder.queryFields((t) => ({
  boardScreens: t.withAuth({ permission: 'boards:manage' }).field({
    type: [BoardScreenRef],
    args: { includeRevoked: t.arg.boolean({ defaultValue: false }) },
    resolve: (_root, args, { db, actor }) => listBoardScreens({ db, actor, input: args }),
  }),
}));

builder.mutationFields((t) => ({
  createBoardScreen: t.withAuth({ permission: 'boards:manage' }).field({
    type: CreatedBoardScreenRef,
    args: { input: t.arg({ type: CreateBoardScreenInput, required: true }) },
    resolve: (_root, { input }, { db, actor }) => createBoardScreen({ db, actor, input }),
  }),
  revokeBoardScreen: t.withAuth({ permission: 'boards:manage' }).field({
    type: BoardScreenRef,
    description: 'The token stops working and the screen goes blank at once; it cannot be undone.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, { db, actor, boardScreenRevoked }) =>
      revokeBoardScreen({ db, actor, input: { id: String(args.id) }, screenRevoked: boardScreenRevoked }),
  }),
}));
