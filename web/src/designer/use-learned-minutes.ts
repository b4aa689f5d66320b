/**
 * Learned average minutes per task id of one recipe, for showing next to the estimates.
 * The API does not expose learned task durations yet, so this returns undefined and the designer
 * shows estimates only; wire the query here once it does.
 */
export function useLearnedMinutes(_templateId: string): Record<string, number> | undefined {
  return undefined;
}
