import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../config/logger';

/**
 * Test-only: a logger built like config/logger's root one, writing to memory instead of stdout,
 * so a test can assert what the server logged. `lines` holds each JSON line, parsed.
 */
export function captureLogs(level = 'debug'): { logger: Logger; lines: Array<Record<string, any>> } {
  const lines: Array<Record<string, any>> = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ level, destination }), lines };
}
