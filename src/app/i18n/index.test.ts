import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ja } from './ja';
import { loadLaterMessages, loadMessages, messagesLoaded, translate, type MessageKey } from './index';

const keys = Object.keys(ja) as MessageKey[];

describe('the texts as the build ships them', () => {
  it('loads the first screen’s texts first, the others with the signed-in views, each as ja.ts and en.ts write it', async () => {
    expect(messagesLoaded('en')).toBe(false);
    await loadMessages('en');
    expect(messagesLoaded('en')).toBe(true);
    expect(translate('en', 'signIn.title')).toBe(en['signIn.title']);
    // Only the signed-in views show this one: until they load, the panel has only its key.
    expect(translate('en', 'call.answer')).toBe('call.answer');
    await loadLaterMessages();
    for (const key of keys) expect(translate('en', key), key).toBe(en[key]);
    // Asked for once, the later texts come with every language loaded afterwards.
    await loadMessages('ja');
    for (const key of keys) expect(translate('ja', key), key).toBe(ja[key]);
  });

  it('fills in placeholders and leaves unknown ones', () => {
    expect(translate('en', 'failure.serverUrlInvalid.cause', { url: 'x://y' })).toBe(en['failure.serverUrlInvalid.cause'].replace('{url}', 'x://y'));
    expect(translate('en', 'failure.serverUrlInvalid.cause')).toContain('{url}');
  });
});
