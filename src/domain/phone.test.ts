import { describe, expect, it } from 'vitest';
import { isExtension, normaliseNumber, searchDigits } from './phone';
import { formatNumber } from './phone-format';

describe('phone numbers', () => {
  it.each([
    ['03-5555-0101', '0355550101'],
    ['03 5555 0101', '0355550101'],
    ['(03)5555-0101', '0355550101'],
    ['０３－５５５５－０１０１', '0355550101'],
    ['03ー5555ー0101', '0355550101'],
    ['+81 3-5555-0101', '0355550101'],
    ['+81 (0)3 5555 0101', '0355550101'],
    ['+81-90-1234-5678', '09012345678'],
    ['0081355550101', '0355550101'],
    ['+1 415 555 0100', '0101415555' + '0100'],
    [355550101, '355550101'],
    ['2002', '2002'],
  ])('normalises %s → %s', (input, digits) => {
    const n = normaliseNumber(input);
    expect(n.ok && n.digits).toBe(digits);
  });

  it('splits an extension written after the number', () => {
    expect(normaliseNumber('03-5555-0101 ext. 12')).toEqual({ ok: true, digits: '0355550101', extension: '12' });
    expect(normaliseNumber('03-5555-0101 内線 345')).toEqual({ ok: true, digits: '0355550101', extension: '345' });
    expect(normaliseNumber('03-5555-0101 x7')).toEqual({ ok: true, digits: '0355550101', extension: '7' });
  });

  // What Japanese Salesforce phone fields hold in practice: the number plus a label, a note or an extension.
  it.each([
    ['03-5555-0101 (内線12)', '0355550101', '12'],
    ['03-5555-0101（内線１２）', '0355550101', '12'],
    ['０３－５５５５－０１０１　（内線：１２）', '0355550101', '12'],
    ['03-5555-0101 内線:12', '0355550101', '12'],
    ['03-5555-0101 内線：12', '0355550101', '12'],
    ['03-5555-0101(ext. 34)', '0355550101', '34'],
    ['03-5555-0101 代表 内線12', '0355550101', '12'],
    ['tel:03-5555-0101', '0355550101', null],
    ['TEL:0355550101', '0355550101', null],
    ['TEL 03-5555-0101', '0355550101', null],
    ['ＴＥＬ：03-5555-0101', '0355550101', null],
    ['tel:+81-3-5555-0101', '0355550101', null],
    ['電話：03-5555-0101', '0355550101', null],
    ['090-1234-5678（携帯）', '09012345678', null],
    ['03-5555-0100(代表)', '0355550100', null],
    ['【代表】03-5555-0100', '0355550100', null],
    ['03-5555-0100 代表', '0355550100', null],
    ['03-5555-0101 (office)', '0355550101', null],
  ])('reads %j as %s, extension %s', (input, digits, extension) => {
    expect(normaliseNumber(input)).toEqual({ ok: true, digits, extension });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['call me', 'notANumber'],
    ['03-5555-01O1', 'notANumber'],
    ['<script>', 'notANumber'],
    ['+', 'notANumber'],
    ['+ 0', 'notANumber'],
    ['+0355550101', 'notANumber'],
    ['TEL: ask reception', 'notANumber'],
    ['tel:', 'notANumber'],
    ['（携帯）', 'notANumber'],
    ['03-5555-0101 call me', 'notANumber'],
    ['javascript:alert(1)', 'notANumber'],
    ['7', 'tooShort'],
    ['0'.repeat(21), 'tooLong'],
  ])('refuses %j (%s)', (input, reason) => {
    expect(normaliseNumber(input)).toEqual({ ok: false, reason });
  });

  it('searches anonymous or unusable numbers as the empty string', () => {
    expect(searchDigits(null)).toBe('');
    expect(searchDigits('anonymous')).toBe('');
    expect(searchDigits('045-333-4444')).toBe('0453334444');
  });

  it('tells extensions from national numbers', () => {
    expect(isExtension('2002')).toBe(true);
    expect(isExtension('0355550101')).toBe(false);
    expect(isExtension('1')).toBe(false);
  });

  it('formats Japanese numbers with hyphens', () => {
    expect(formatNumber('0355550101')).toBe('03-5555-0101');
    expect(formatNumber('09012345678')).toBe('090-1234-5678');
    expect(formatNumber('05011112222')).toBe('050-1111-2222');
    expect(formatNumber('0453334444')).toBe('045-333-4444');
    expect(formatNumber('0120123456')).toBe('0120-123-456');
    expect(formatNumber('2002')).toBe('2002');
  });

  it('knows where Japanese area codes end (library data, not a rule of thumb)', () => {
    expect(formatNumber('0463331234')).toBe('0463-33-1234'); // 平塚: a four-digit area code
    expect(formatNumber('0612345678')).toBe('06-1234-5678');
    expect(formatNumber('0570123456')).toBe('0570-123-456');
    expect(formatNumber('08001234567')).toBe('0800-123-4567');
    expect(formatNumber('0800123456')).toBe('0800123456'); // one digit short: as given
  });

  it('shows partial, foreign and non-numbers as given', () => {
    expect(formatNumber('0312')).toBe('0312');
    expect(formatNumber('0101415555' + '0100')).toBe('0101415555' + '0100');
    expect(formatNumber('abc')).toBe('abc');
    expect(formatNumber('')).toBe('');
  });
});
