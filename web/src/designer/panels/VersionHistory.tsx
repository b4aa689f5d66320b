import type { TemplateVersion } from '../recipe-api';
import { minutes } from '../recipe-api';

interface Props {
  versions: TemplateVersion[];
  current: number | null;
  /** Loads a version's recipe into the editor as unsaved changes. */
  onRestore: (version: TemplateVersion) => void;
}

/** Published versions are immutable; each order item keeps the version it started with. */
export function VersionHistory({ versions, current, onRestore }: Props) {
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  return (
    <section className="panel" aria-labelledby="versions-title">
      <h2 id="versions-title" className="panel__title">
        Version history
      </h2>
      {sorted.length === 0 ? (
        <p className="muted">Never published: orders cannot use this recipe until it is.</p>
      ) : (
        <ol className="versions" data-testid="versions">
          {sorted.map((v) => (
            <li key={v.version}>
              <strong>v{v.version}</strong>
              {v.version === current && <span className="badge badge--ok">current</span>}
              <span className="muted">{new Date(v.publishedAt).toLocaleString()}</span>
              <span>{minutes(v.estimatedTotalMinutes)}</span>
              <button type="button" className="link-btn" onClick={() => onRestore(v)} aria-label={`Load version ${v.version} into the editor`}>
                Load
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
