/**
 * How long after a Start the cook may take it back (a tap on the wrong ticket). The server
 * measures it from the task's started_at with its own clock; the KDS hides Undo by then.
 */
export const UNDO_START_WINDOW_MS = 10_000;
