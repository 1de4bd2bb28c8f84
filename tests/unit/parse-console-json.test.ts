import { describe, expect, it } from 'vitest';
import { parseConsoleJson } from '@/utils/capture/parse-console-json';

describe('parseConsoleJson', () => {
  it('keeps integer literals of 16+ digits exact, as strings', () => {
    const body = parseConsoleJson('{"id":3318740215366018417,"sub":[{"id":3318740215366018418}],"n":-9007199254740993}') as Record<string, unknown>;
    expect(body.id).toBe('3318740215366018417');
    expect((body.sub as Record<string, unknown>[])[0]!.id).toBe('3318740215366018418');
    expect(body.n).toBe('-9007199254740993');
  });

  it('leaves shorter numbers, decimals and exponents as numbers', () => {
    const body = parseConsoleJson('{"a":312845672901,"b":123456789012345,"c":65.9,"d":1.5e3,"e":0,"f":-12,"g":1234567890123456.5,"h":1e21}');
    expect(body).toEqual({ a: 312845672901, b: 123456789012345, c: 65.9, d: 1500, e: 0, f: -12, g: 1234567890123456.5, h: 1e21 });
  });

  it('never touches strings: long digit runs, escaped quotes and braces inside them stay as written', () => {
    const text = String.raw`{"s":"3318740215366018417","t":"he said \"1234567890123456789\" {x}","u":"\\","v":1234567890123456789}`;
    expect(parseConsoleJson(text)).toEqual({ s: '3318740215366018417', t: 'he said "1234567890123456789" {x}', u: '\\', v: '1234567890123456789' });
  });

  it('reads keys made of digits and arrays of bare ids', () => {
    expect(parseConsoleJson('{"1234567890123456789":[4937120546881022601,4937120546881022602]}')).toEqual({
      '1234567890123456789': ['4937120546881022601', '4937120546881022602'],
    });
    expect(parseConsoleJson('4937120546881022601')).toBe('4937120546881022601');
  });

  it('returns undefined for text that is not JSON', () => {
    for (const text of ['', '{"code":0,"data":[{"shop_order_id":"49', '<!DOCTYPE html><html>登录</html>', 'undefined', '{a:1}', "{'a':1}", 'NaN']) {
      expect(parseConsoleJson(text), text).toBeUndefined();
    }
  });

  it('never throws on hostile input', () => {
    for (const text of ['\u0000', '{"a":'.repeat(10_000), '['.repeat(100_000), '"\\u12"', '1'.repeat(100_000)]) {
      expect(() => parseConsoleJson(text)).not.toThrow();
    }
    expect(parseConsoleJson('1'.repeat(100_000))).toBe('1'.repeat(100_000));
  });

  it('a single string of 10M characters, or of 2M escapes, beside a long id still parses (linear scanner, no regex stack)', () => {
    const plain = `{"id":4937120546881022601,"t":"${'x'.repeat(10_000_000)}"}`;
    expect(parseConsoleJson(plain)).toMatchObject({ id: '4937120546881022601' });
    const escaped = `{"t":"${'x\\"y'.repeat(2_000_000)}","id":4937120546881022602}`;
    expect(parseConsoleJson(escaped)).toMatchObject({ id: '4937120546881022602' });
  });

  it('parses a 10 MB body with 100,000 long ids, every id exact', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `{"id":${4937120546881000000n + BigInt(i)},"t":"${'标题'.repeat(20)}"}`);
    const text = `{"data":[${rows.join(',')}]}`;
    expect(text.length).toBeGreaterThan(5_000_000);
    const body = parseConsoleJson(text) as { data: { id: string }[] };
    expect(body.data).toHaveLength(100_000);
    expect(body.data[99_999]!.id).toBe('4937120546881099999');
  });
});
