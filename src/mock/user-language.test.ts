import { describe, expect, it } from 'vitest';
import { USER_LANGUAGE_PARAM, withUserLanguage } from './user-language';

describe('the user language on the panel page', () => {
  it('is written on the root element as the Visualforce page does', () => {
    expect(withUserLanguage('<!doctype html>\n<html lang="ja">', new URLSearchParams({ [USER_LANGUAGE_PARAM]: 'en_US' }))).toBe('<!doctype html>\n<html data-user-language="en_US" lang="ja">');
  });

  it('leaves the page alone without one, or with something that is not a language', () => {
    expect(withUserLanguage('<html>', new URLSearchParams())).toBe('<html>');
    expect(withUserLanguage('<html>', new URLSearchParams({ [USER_LANGUAGE_PARAM]: '"><script>' }))).toBe('<html>');
  });
});
