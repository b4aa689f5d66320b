import { createHash } from 'node:crypto';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';

/**
 * GraphiQL and introspection: on in development, off in production unless GRAPHIQL /
 * GRAPHQL_INTROSPECTION say otherwise (config/env.ts).
 *
 * Yoga's own GraphiQL page loads its scripts from unpkg.com, so it is blank offline and trusts a
 * CDN. @graphql-yoga/render-graphiql inlines the same app (about 6 MB of script) instead. The page
 * is rendered once; its single inline script is allowed by its hash in the page's own
 * Content-Security-Policy, which replaces the app-wide one (api/http-security.ts) on that response
 * only: the editor's workers start from blob: URLs and it injects its styles at run time.
 */
export const GRAPHIQL_TITLE = 'Brigade GraphQL';

/**
 * Yoga's `renderGraphiQL` and the plugin that puts the page's policy on its response (the only HTML
 * Yoga answers), for one Yoga instance: the page is rendered on first request, then reused.
 */
export function localGraphiQL(): { render(options: GraphiQLOptions): string; policy: Plugin } {
  let rendered: { key: string; html: string; csp: string } | undefined;
  const render = (options: GraphiQLOptions) => {
    const key = JSON.stringify(options);
    if (rendered?.key !== key) {
      const html = renderGraphiQL(options);
      rendered = { key, html, csp: graphiqlCsp(html) };
    }
    return rendered.html;
  };
  const policy: Plugin = {
    onResponse({ response }) {
      if (rendered && response.headers.get('content-type')?.startsWith('text/html')) response.headers.set('Content-Security-Policy', rendered.csp);
    },
  };
  return { render, policy };
}

/** `__schema` and `__type` refused in validation (`__typename` stays: clients rely on it). */
export function useNoIntrospection(): Plugin {
  return { onValidate: ({ addValidationRule }) => addValidationRule(NoSchemaIntrospectionCustomRule) };
}

function graphiqlCsp(html: string): string {
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
  return [
    "default-src 'none'",
    `script-src ${scripts.join(' ')}`,
    'worker-src blob:',
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
