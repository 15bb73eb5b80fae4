/* Yielding to the browser between slices of work (the chunked inventory read): a new task, so that timers,
 * input and rendering run before the next slice. */

/**
 * Resolves in a new task: through a MessageChannel message where there is one (no 4 ms clamp, unlike a
 * chain of nested `setTimeout(0)`s), else `setTimeout(0)`. Never rejects.
 * @example await nextTask(); // the pane can repaint and take a click on Cancel here
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof MessageChannel !== "function") {
      setTimeout(resolve, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
