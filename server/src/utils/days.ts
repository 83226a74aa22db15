/** Days as journey performance stores and asks for them: UTC calendar days written YYYY-MM-DD. */

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC day of a moment. */
export const utcDay = (at: Date | number = Date.now()) => new Date(at).toISOString().slice(0, 10);

/** Midnight UTC of a day, in epoch milliseconds. */
export const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** The day `offset` days after (or before, when negative) `day`. */
export const addDays = (day: string, offset: number) => utcDay(dayStart(day) + offset * DAY_MS);

/** Every day from `from` to `to`, both included. */
export const daysBetween = (from: string, to: string) => {
  const result: string[] = [];
  for (let at = dayStart(from); at <= dayStart(to); at += DAY_MS) result.push(utcDay(at));
  return result;
};
