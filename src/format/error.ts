// What a failure says, as one line of text, for results and status lines. Pure.

/** The error's message (its name when the message is empty); anything thrown that is not an Error, as a string. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message || e.name : String(e);
}
