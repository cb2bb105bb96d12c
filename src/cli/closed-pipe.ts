/**
 * `archdrift graph | head` closes the pipe before the output ends: that is the reader's choice,
 * not an error. Without a listener Node throws EPIPE with a stack trace and exit code 1, which a
 * CI job reads as "drift found"; with it, the command's own exit code stands.
 */
export function ignoreClosedPipe(stream: NodeJS.EventEmitter): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
}
