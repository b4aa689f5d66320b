import { builder } from '../builder';

// Secure by default: every root field needs a valid token unless it opts out with
// `skipTypeScopes` (only login, refresh and logout do). Permissions are added per field.
builder.queryType({ authScopes: { authenticated: true } });
builder.mutationType({ authScopes: { authenticated: true } });
