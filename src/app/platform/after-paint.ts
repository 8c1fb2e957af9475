/**
 * Resolves once the next frame has been painted: what the first screen does not need loads after it
 * is up. A frame the browser does not paint (a hidden tab, the utility bar minimised: Chrome holds
 * back animation frames in frames nobody sees) waits `atMostMs` at most, so nothing waits for ever.
 */
export function afterPaint(atMostMs = 100): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, atMostMs);
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}
