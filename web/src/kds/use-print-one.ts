import { useCallback, useEffect, useState } from 'react';

/**
 * Prints one expo ticket: marks it (the print stylesheet then hides every other order), opens
 * the browser's print dialog once that mark is on the page, and clears it when printing ends.
 * Each request is a new object, so printing the same ticket twice opens the dialog twice.
 */
export function usePrintOne(): [string | null, (id: string) => void] {
  const [request, setRequest] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (!request) return;
    const done = () => setRequest((r) => (r === request ? null : r));
    window.addEventListener('afterprint', done, { once: true });
    window.print();
    return () => window.removeEventListener('afterprint', done);
  }, [request]);
  const print = useCallback((id: string) => setRequest({ id }), []);
  return [request?.id ?? null, print];
}
