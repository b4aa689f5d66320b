import { listAuditLogs } from '../../../core/audit/list-audit-logs';
import { builder } from '../builder';
import { RoleEnum } from './user';

type AuditRow = Awaited<ReturnType<typeof listAuditLogs>>[number];

const AuditUserRef = builder.objectRef<NonNullable<AuditRow['user']>>('AuditUser').implement({
  description: 'Who did it (a subset of User, visible to audit readers without users:manage).',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    email: t.exposeString('email'),
    role: t.field({ type: RoleEnum, resolve: (u) => u.role }),
  }),
});

const AuditLogRef = builder.objectRef<AuditRow>('AuditLog').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    action: t.exposeString('action', { description: '`<entity>.<verb>`, e.g. station.create, user.login.' }),
    entityType: t.exposeString('entityType', { nullable: true }),
    entityId: t.exposeID('entityId', { nullable: true }),
    details: t.expose('details', { type: 'JSON', nullable: true }),
    ipAddress: t.exposeString('ipAddress', { nullable: true }),
    user: t.field({ type: AuditUserRef, nullable: true, resolve: (row) => row.user }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  auditLogs: t.withAuth({ permission: 'audit:read' }).field({
    type: [AuditLogRef],
    description: 'Newest first.',
    args: {
      action: t.arg.string(),
      entityType: t.arg.string(),
      entityId: t.arg.id(),
      limit: t.arg.int({ defaultValue: 50, description: '1..200' }),
      offset: t.arg.int({ defaultValue: 0 }),
    },
    resolve: (_root, args, { db, actor }) => listAuditLogs({ db, actor, input: args }),
  }),
}));
