/** Plain GraphQL over HTTP for test setup: what a script would do, outside the browser. */
export async function gql<T = any>(url: string, token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

export async function loginToken(url: string, tenant: string, email: string, password: string): Promise<string> {
  const data = await gql<{ login: { accessToken: string } }>(
    url,
    null,
    'mutation ($t: String!, $e: String!, $p: String!) { login(tenant: $t, email: $e, password: $p) { accessToken } }',
    { t: tenant, e: email, p: password },
  );
  return data.login.accessToken;
}

/** Places a phone order for the named dishes (names from the demo menu) and returns its number. */
export async function placeOrder(
  url: string,
  token: string,
  order: {
    customerName: string;
    customerPhone?: string;
    customerAddress?: string;
    items: Array<{ name: string; quantity: number; modifications?: string }>;
  },
): Promise<number> {
  const { menuItems } = await gql<{ menuItems: Array<{ id: string; name: string }> }>(url, token, '{ menuItems { id name } }');
  const items = order.items.map(({ name, ...rest }) => {
    const found = menuItems.find((m) => m.name === name);
    if (!found) throw new Error(`No dish "${name}" on the menu`);
    return { menuItemId: found.id, ...rest };
  });
  const { createOrder } = await gql<{ createOrder: { orderNumber: number } }>(
    url,
    token,
    'mutation ($input: CreateOrderInput!) { createOrder(input: $input) { orderNumber } }',
    {
      input: {
        channel: 'PHONE',
        customerName: order.customerName,
        customerPhone: order.customerPhone ?? null,
        customerAddress: order.customerAddress ?? null,
        items,
      },
    },
  );
  return createOrder.orderNumber;
}
