/**
 * Keyboard shortcuts inside the panel (they work while focus is in the softphone: a framed page
 * cannot see Salesforce's keys). Alt+Shift, with the physical key, so that they work on every
 * keyboard layout and do not collide with the browser's own Alt or Ctrl shortcuts.
 * Each one presses the visible button for it, so a shortcut can do exactly what the button can.
 */
export type ShortcutAction = 'answer' | 'hangup' | 'hold' | 'transfer';

export const SHORTCUTS: Record<ShortcutAction, { keys: string; code: string; buttons: string[] }> = {
  answer: { keys: 'Alt+Shift+A', code: 'KeyA', buttons: ['answer'] },
  // Hang up, or decline a call that is still ringing.
  hangup: { keys: 'Alt+Shift+H', code: 'KeyH', buttons: ['hangup', 'decline'] },
  hold: { keys: 'Alt+Shift+O', code: 'KeyO', buttons: ['hold', 'unhold'] },
  transfer: { keys: 'Alt+Shift+T', code: 'KeyT', buttons: ['transfer'] },
};

/** The shortcut for a button's `data-shortcut` name, for its `aria-keyshortcuts`. */
export function shortcutFor(button: string): string | undefined {
  return Object.values(SHORTCUTS).find((s) => s.buttons.includes(button))?.keys;
}

export function shortcutOf(event: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>): ShortcutAction | null {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return null;
  const found = Object.entries(SHORTCUTS).find(([, s]) => s.code === event.code);
  return found ? (found[0] as ShortcutAction) : null;
}

/** Presses the first enabled button for the shortcut; false when none can act now. */
export function runShortcut(root: ParentNode, action: ShortcutAction): boolean {
  for (const name of SHORTCUTS[action].buttons) {
    const button = root.querySelector<HTMLButtonElement>(`button[data-shortcut="${name}"]`);
    if (button && !button.disabled) {
      button.click();
      return true;
    }
  }
  return false;
}
