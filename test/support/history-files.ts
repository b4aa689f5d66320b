import fs from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';

/**
 * Saved workflow histories for replay tests. Stored as protobufjs plain objects (enums and
 * 64-bit numbers as strings, bytes as base64): @temporalio/common's historyToJSON fails with
 * "type must be a Type" in this install (two protobufjs copies), and this round trip uses the
 * generated code only.
 */
export const HISTORIES_DIR = path.join(__dirname, '..', '..', 'workflows', '__histories__');

type History = temporal.api.history.v1.History;
const HistoryType = temporal.api.history.v1.History;

export interface SavedHistory {
  workflowId: string;
  history: History;
}

export function writeHistory(file: string, workflowId: string, history: temporal.api.history.v1.IHistory): void {
  const plain = HistoryType.toObject(HistoryType.fromObject(history), { longs: String, enums: String, bytes: String });
  fs.writeFileSync(file, `${JSON.stringify({ workflowId, history: plain }, null, 1)}\n`);
}

export function readHistories(dir = HISTORIES_DIR): Array<SavedHistory & { file: string }> {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const saved = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { workflowId: string; history: object };
      return { file: f, workflowId: saved.workflowId, history: HistoryType.fromObject(saved.history) };
    });
}
