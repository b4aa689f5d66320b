// Test-only activities, built by a factory like the real ones so the worker wiring is the same.
export function createGreetActivities(deps: { prefix: string }) {
  return {
    async greet(name: string): Promise<string> {
      return `${deps.prefix}, ${name}!`;
    },
  };
}
