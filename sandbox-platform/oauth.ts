import { randomBytes } from 'node:crypto';
import express, { type Request } from 'express';
import type { SandboxContext } from './context';
import { sandboxNow, type LedgerEntry } from './state';

/**
 * OAuth2 client credentials, like most marketplaces: POST /oauth/token with the client id and
 * secret (form or JSON body, or HTTP Basic) answers a bearer token that expires after
 * `tokenTtlSeconds` of sandbox time (advanceClock moves it), after which calls answer 401.
 */
export const DEFAULT_TOKEN_TTL_SECONDS = 3_600;

export function oauthRoutes(ctx: SandboxContext, record: (req: Request) => LedgerEntry) {
  const router = express.Router();
  router.post('/token', express.urlencoded({ extended: false }), (req, res) => {
    const entry = record(req);
    // The ledger is readable over /_control: it shows that a token was asked for, not the secret.
    if (entry.body && typeof entry.body === 'object' && 'client_secret' in entry.body) entry.body = { ...entry.body, client_secret: '[redacted]' };
    res.on('finish', () => (entry.status = res.statusCode));
    const client = ctx.opts.oauth;
    const given = clientOf(req);
    if (!client || given.id !== client.clientId || given.secret !== client.clientSecret) {
      return void res.status(401).json({ error: 'invalid_client' });
    }
    if (req.body?.grant_type && req.body.grant_type !== 'client_credentials') return void res.status(400).json({ error: 'unsupported_grant_type' });
    const ttl = client.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
    const token = `sbx_${randomBytes(18).toString('base64url')}`;
    ctx.state.tokens.set(token, { expiresAt: sandboxNow(ctx.state) + ttl * 1000 });
    res.json({ access_token: token, token_type: 'Bearer', expires_in: ttl });
  });
  return router;
}

function clientOf(req: Request): { id?: string; secret?: string } {
  const basic = /^Basic\s+(\S+)$/i.exec(req.get('authorization') ?? '');
  if (basic) {
    const [id, secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
    return { id: decodeURIComponent(id ?? ''), secret: decodeURIComponent(secret ?? '') };
  }
  return { id: req.body?.client_id, secret: req.body?.client_secret };
}

export type AuthCheck = { ok: true; token: string | null } | { ok: false; error: 'unauthorized' | 'token expired' };

/** A call is allowed with the static API key, or with an issued token that has not expired. */
export function checkBearer(ctx: SandboxContext, header: string | undefined): AuthCheck {
  const { apiKey, oauth } = ctx.opts;
  if (!apiKey && !oauth) return { ok: true, token: null };
  const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] ?? null;
  if (token && apiKey && token === apiKey) return { ok: true, token: null };
  const issued = token ? ctx.state.tokens.get(token) : undefined;
  if (!issued) return { ok: false, error: 'unauthorized' };
  if (issued.expiresAt <= sandboxNow(ctx.state)) return { ok: false, error: 'token expired' };
  return { ok: true, token };
}
