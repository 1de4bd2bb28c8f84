import { describe, expect, it } from 'vitest';
import {
  FORMULA_TRIGGER,
  ID_TEXT_SUFFIX,
  idCell,
  neutralizeFormula,
  numberCell,
  readIdCell,
  textCell,
} from '@/utils/export/csv-cell';

describe('textCell', () => {
  it.each([
    ['=HYPERLINK("http://x","y")'],
    ['+1+2'],
    ['-1+2'],
    ['@SUM(1,2)'],
    ['\t=1+2'],
    ['\r=1+2'],
    ['\n=1+2'],
    ['\0=1+2'],
    ['=1+2\nsecond line'],
    ['=cmd|" /C calc"!A0'],
  ])('neutralises %j with a leading quote', (value) => {
    expect(textCell(value)).toBe(`'${value}`);
  });

  it.each([['测试旗舰店'], ['x";=1+2'], [' =1+2'], ["'already quoted"], ['1**********'], ['浙江省 杭州市']])(
    'leaves %j as is',
    (value) => {
      expect(textCell(value)).toBe(value);
    },
  );

  it('leaves empty and missing values empty', () => {
    expect(textCell('')).toBe('');
    expect(textCell(undefined)).toBe('');
    expect(textCell(null)).toBe('');
  });

  it('the trigger test has no `$`, so a multi-line value is caught (papaparse default misses it)', () => {
    expect(FORMULA_TRIGGER.test('=1+2\nx')).toBe(true);
    expect(/^[=+\-@\t\r].*$/.test('=1+2\nx')).toBe(false);
  });
});

describe('numberCell', () => {
  it('prints numbers and numeric strings unescaped, negatives included', () => {
    expect(numberCell('-5.00')).toBe('-5.00');
    expect(numberCell('1299.00')).toBe('1299.00');
    expect(numberCell(-3)).toBe('-3');
    expect(numberCell(0)).toBe('0');
  });

  it('treats anything not numeric as text', () => {
    expect(numberCell('-1+2')).toBe("'-1+2");
    expect(numberCell('=1')).toBe("'=1");
    expect(numberCell(Number.NaN)).toBe('');
    expect(numberCell(undefined)).toBe('');
  });
});

describe('idCell', () => {
  it('keeps every digit and appends the TAB that keeps spreadsheets from reading a number', () => {
    expect(idCell('4987654321098765432')).toBe(`4987654321098765432${ID_TEXT_SUFFIX}`);
    expect(ID_TEXT_SUFFIX).toBe('\t');
    expect(readIdCell(idCell('4987654321098765432'))).toBe('4987654321098765432');
    expect(readIdCell(idCell('220216-179332719430230'))).toBe('220216-179332719430230');
  });

  it('never starts with a formula trigger', () => {
    expect(idCell('4987654321098765432').charAt(0)).toBe('4');
    expect(idCell('=1+2')).toBe("'=1+2\t");
    expect(idCell('')).toBe('');
  });

  it('neutralizeFormula is the single escaping rule', () => {
    expect(neutralizeFormula('-')).toBe("'-");
    expect(neutralizeFormula('a-')).toBe('a-');
  });
});
