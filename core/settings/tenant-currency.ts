/** The tenant's currency from its settings JSON (`currency`, ISO 4217); EUR when unset or malformed. */
export function tenantCurrency(settings: unknown): string {
  const value = (settings as { currency?: unknown } | null)?.currency;
  return typeof value === 'string' && /^[A-Z]{3}$/.test(value) ? value : 'EUR';
}
