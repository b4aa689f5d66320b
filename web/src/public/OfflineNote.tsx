/** Shown while the live connection is down: what is on screen may be a little behind. */
export function OfflineNote({ live }: { live: boolean }) {
  return live ? null : (
    <p className="public__offline" role="status">
      Reconnecting…
    </p>
  );
}
