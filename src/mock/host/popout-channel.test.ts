import { describe, expect, it } from 'vitest';
import { parseToPage, parseToPopout, rememberPoppedOut, tabPopoutId, wasPoppedOut } from './popout-channel';

class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

describe('the line between a page and its pop-out window', () => {
  it('accepts the messages it knows and nothing else', () => {
    expect(parseToPage({ kind: 'hello', listeners: ['onClickToDial'], initialized: true })).toEqual({ kind: 'hello', listeners: ['onClickToDial'], initialized: true });
    expect(parseToPage({ kind: 'hello', listeners: [1] })).toBeNull();
    expect(parseToPage({ kind: 'message', data: { any: 'thing' } })).toEqual({ kind: 'message', data: { any: 'thing' } });
    expect(parseToPage({ kind: 'bye' })).toEqual({ kind: 'bye', final: false });
    expect(parseToPage({ kind: 'dropped', text: 'x'.repeat(5000) })).toMatchObject({ kind: 'dropped' });
    expect(parseToPage({ kind: 'post', message: {} })).toBeNull();
    expect(parseToPage('hello')).toBeNull();
    expect(parseToPopout({ kind: 'post', message: { methodName: 'x' } })).toEqual({ kind: 'post', message: { methodName: 'x' } });
    expect(parseToPopout({ kind: 'post', message: 'x' })).toBeNull();
    expect(parseToPopout({ kind: 'who' })).toEqual({ kind: 'who' });
    expect(parseToPopout({ kind: 'hello', listeners: [] })).toBeNull();
  });

  it('keeps one id per browser tab, and whether its softphone is popped out', () => {
    const storage = new MemoryStorage() as unknown as Storage;
    const id = tabPopoutId(storage);
    expect(id).toMatch(/^[a-z0-9]{8,32}$/);
    expect(tabPopoutId(storage)).toBe(id);
    expect(wasPoppedOut(storage)).toBe(false);
    rememberPoppedOut(true, storage);
    expect(wasPoppedOut(storage)).toBe(true);
    rememberPoppedOut(false, storage);
    expect(wasPoppedOut(storage)).toBe(false);
  });
});
