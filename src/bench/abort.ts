// Cancelling, said one way everywhere: the error a cancelled run rejects with,
// and the test for it. Pure.
export function abortError(message = 'The run was cancelled'): DOMException {
  return new DOMException(message, 'AbortError');
}

export function isAbort(e: unknown): boolean {
  return (e instanceof DOMException || e instanceof Error) && e.name === 'AbortError';
}
