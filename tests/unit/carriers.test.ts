import { describe, expect, it } from 'vitest';
import { CARRIERS, carrierByCode, trackingCarrier } from '@/utils/carriers/carriers';
import { carrierFromName, normalizeCarrierName } from '@/utils/carriers/carrier-names';
import { recognizeCarrier } from '@/utils/carriers/recognize';
import { normalizeWaybillNo } from '@/utils/carriers/waybill-formats';

const codes = (list: { code: string }[]) => list.map((c) => c.code);

describe('carrier table', () => {
  it('has unique codes that fit ShipmentSchema.carrierCode', () => {
    const all = CARRIERS.map((c) => c.code);
    expect(new Set(all).size).toBe(all.length);
    for (const code of all) expect(code).toMatch(/^[a-z0-9_]{1,30}$/);
    expect(all).toEqual(['sf', 'jd', 'zto', 'yto', 'sto', 'yunda', 'jt', 'ems', 'post', 'deppon', 'cainiao', 'best', 'fengwang']);
  });

  it('never lists one alias under two carriers', () => {
    const seen = new Map<string, string>();
    for (const carrier of CARRIERS) {
      for (const alias of carrier.aliases) {
        const key = normalizeCarrierName(alias);
        expect(seen.get(key) ?? carrier.code, `alias ${alias}`).toBe(carrier.code);
        seen.set(key, carrier.code);
      }
    }
  });

  it('has kuaidi100 codes and https official templates with one {no}', () => {
    for (const carrier of CARRIERS) {
      expect(carrier.kuaidi100).toMatch(/^[a-z]+$/);
      if (!carrier.official) continue;
      expect(carrier.official.urlTemplate.startsWith('https://')).toBe(true);
      expect(carrier.official.urlTemplate.split('{no}').length).toBe(2);
    }
  });

  it('lists official pages only for SF (H), EMS/邮政 (M), ZTO and JD (M-ish)', () => {
    expect(CARRIERS.filter((c) => c.official).map((c) => [c.code, c.official?.confidence])).toEqual([
      ['sf', 'H'],
      ['jd', 'L-M'],
      ['zto', 'M-L'],
      ['ems', 'M'],
      ['post', 'M'],
    ]);
  });

  it('maps the kuaidi100 codes of consoles.md §6.3', () => {
    const k = (code: string) => carrierByCode(code)?.kuaidi100;
    expect([k('sf'), k('zto'), k('yto'), k('sto'), k('yunda'), k('ems'), k('post'), k('jd'), k('jt'), k('best')]).toEqual([
      'shunfeng', 'zhongtong', 'yuantong', 'shentong', 'yunda', 'ems', 'youzhengguonei', 'jd', 'jtexpress', 'huitongkuaidi',
    ]);
  });

  it('tracks 百世 as 极兔 and everyone else as itself', () => {
    expect(trackingCarrier(carrierByCode('best')!).code).toBe('jt');
    for (const carrier of CARRIERS.filter((c) => c.code !== 'best')) expect(trackingCarrier(carrier)).toBe(carrier);
    expect(carrierByCode('nope')).toBeUndefined();
  });
});

describe('carrierFromName', () => {
  it.each([
    ['顺丰速运', 'sf'],
    ['顺丰快递', 'sf'],
    ['顺丰', 'sf'],
    ['顺丰 速运', 'sf'],
    [' 顺丰速运 ', 'sf'],
    ['顺丰速运（标快）', 'sf'],
    ['顺丰标快', 'sf'],
    ['SF Express', 'sf'],
    ['ＳＦ', 'sf'],
    ['京东快递', 'jd'],
    ['京东物流', 'jd'],
    ['京东', 'jd'],
    ['ＪＤ', 'jd'],
    ['中通快递', 'zto'],
    ['中通', 'zto'],
    ['中通快递股份有限公司', 'zto'],
    ['ZTO', 'zto'],
    ['圆通速递', 'yto'],
    ['圆通快递', 'yto'],
    ['申通快递', 'sto'],
    ['申通快递有限公司', 'sto'],
    ['韵达快递', 'yunda'],
    ['韵达速递', 'yunda'],
    ['韵　达　快　递', 'yunda'], // full-width spaces
    ['极兔速递', 'jt'],
    ['极兔快递', 'jt'],
    ['J&T', 'jt'],
    ['J＆T', 'jt'], // full-width ampersand
    ['j&t express', 'jt'],
    ['EMS', 'ems'],
    ['ems', 'ems'],
    ['中国邮政EMS', 'ems'],
    ['中国邮政 EMS', 'ems'],
    ['邮政EMS', 'ems'],
    ['EMS经济快递', 'ems'],
    ['中国邮政速递物流', 'ems'],
    ['邮政速递（EMS）', 'ems'],
    ['邮政快递包裹', 'post'],
    ['中国邮政', 'post'],
    ['邮政包裹', 'post'],
    ['中国邮政快递包裹', 'post'],
    ['德邦快递', 'deppon'],
    ['德邦物流', 'deppon'],
    ['德邦快运', 'deppon'],
    ['菜鸟速递', 'cainiao'],
    ['丹鸟', 'cainiao'],
    ['丹鸟快递', 'cainiao'],
    ['菜鸟速递（原丹鸟）', 'cainiao'],
    ['百世快递', 'best'],
    ['百世汇通', 'best'],
    ['丰网速运', 'fengwang'],
    ['丰网', 'fengwang'],
  ])('%s → %s', (name, code) => {
    expect(carrierFromName(name)?.code).toBe(code);
  });

  it.each([
    [''],
    ['   '],
    ['快递'],
    ['物流'],
    ['其他'],
    ['其他快递'],
    ['--'],
    ['菜鸟裹裹'], // a different Cainiao service: kuaidi100 auto-detect does better than a wrong code
    ['EMS（中国邮政）'], // names EMS and 中国邮政 side by side: no guess
    ['emsx'],
    ['jdl2'],
    ['顺丰'.repeat(31)], // longer than any carrier name
  ])('%j names no carrier', (name) => {
    expect(carrierFromName(name)).toBeUndefined();
  });

  it('accepts missing names', () => {
    expect(carrierFromName(undefined)).toBeUndefined();
    expect(carrierFromName(null)).toBeUndefined();
  });
});

describe('normalizeWaybillNo', () => {
  it.each([
    ['SF1234567890123', 'SF1234567890123'],
    ['sf1234567890123', 'SF1234567890123'],
    ['  SF1234567890123\n', 'SF1234567890123'],
    ['SF 1234 5678 90123', 'SF1234567890123'],
    ['7733 6732 6370 601', '773367326370601'],
    ['７７３３６７３２６３７０６０１', '773367326370601'], // full-width digits
    ['ＪＴ０００６９６８３２６９５４', 'JT0006968326954'],
    ['773367326370601\u00a0', '773367326370601'],
    ['12345678', '12345678'],
  ])('%j → %s', (raw, expected) => {
    expect(normalizeWaybillNo(raw)).toBe(expected);
  });

  it.each([
    [''],
    ['   '],
    ['1234567'], // too short
    ['1'.repeat(31)], // too long
    ['ABCDEFGHIJ'], // no digits
    ['ABCDE12345'], // fewer than 6 digits
    ['SF1234567890123-1'], // dashes are not removed
    ['773-367-326-370-601'],
    ['SF1234567890123/2'],
    ['<img src=x onerror=alert(1)>'],
    ['javascript:alert(1)'],
    ['SF123456789012&x=1'],
    ['运单号SF1234567890123'],
    ['暂无'],
    ['--'],
    ['x'.repeat(1000)],
  ])('%j is rejected', (raw) => {
    expect(normalizeWaybillNo(raw)).toBeNull();
  });

  it('accepts missing input', () => {
    expect(normalizeWaybillNo(undefined)).toBeNull();
    expect(normalizeWaybillNo(null)).toBeNull();
  });
});

describe('recognizeCarrier by format (no carrier name)', () => {
  it.each([
    ['SF1234567890123', 'sf'],
    ['sf1234567890123', 'sf'],
    ['SF 1234567890123', 'sf'],
    ['JDVA11408814483', 'jd'],
    ['JD014892367120', 'jd'],
    ['JDX012345678901', 'jd'],
    ['JDK012345678901', 'jd'],
    ['JT0006968326954', 'jt'],
    ['JT3002232682242', 'jt'],
    ['JT5001234567890', 'jt'],
    ['JT000696832695', 'jt'], // 12 digits (source A allows 12–13)
    ['YT9693083639795', 'yto'],
    ['DPK364112047425', 'deppon'],
    ['DPK300585915441', 'deppon'],
    ['STO1234567890', 'sto'],
    ['EA123456789CN', 'ems'],
    ['ea123456789cn', 'ems'],
  ])('%s → %s (format)', (waybillNo, code) => {
    const r = recognizeCarrier({ waybillNo });
    expect(r.confidence).toBe('format');
    expect(r.carrier?.code).toBe(code);
    expect(codes(r.candidates)).toEqual([code]);
  });

  it('returns the normalised number', () => {
    expect(recognizeCarrier({ waybillNo: ' sf 1234567890123 ' }).waybillNo).toBe('SF1234567890123');
  });

  it.each([
    // [number, plausible candidates (prefix matches first)]
    ['432542035598773', ['yunda', 'zto', 'sto']], // ZTO-looking 15 digits; Yunda's 15-digit numbers start 3/4
    ['773367326370601', ['zto', 'sto', 'yunda']], // STO example; 77… is also a ZTO prefix
    ['77316523125896', ['zto', 'sto']], // STO example, 14 digits
    ['78636098066239', ['zto', 'sto']], // ZTO example, 14 digits
    ['462598779470531', ['yunda', 'zto', 'sto']], // Yunda example
    ['1240921381750', ['ems', 'post', 'zto', 'sto', 'yunda']], // China Post example; 12… is also an EMS range
    ['4309597495550', ['zto', 'sto', 'yunda', 'post']], // China Post example without a known prefix
    ['9889510569807', ['ems', 'post', 'zto', 'sto', 'yunda']], // 98… is an EMS range
    ['123456789012', ['sf', 'zto', 'sto']], // 12 digits: legacy SF among others
    ['12345678', ['deppon']], // legacy 德邦 length, still not guessed
    ['RR123456789DE', ['ems', 'post']], // non-EMS UPU S10
    ['CP123456789CN', ['ems', 'post']],
  ])('%s → ambiguous %j', (waybillNo, expected) => {
    const r = recognizeCarrier({ waybillNo });
    expect(r.confidence).toBe('ambiguous');
    expect(r.carrier).toBeUndefined();
    expect(codes(r.candidates)).toEqual(expected);
  });

  it.each([
    ['1234567890123456'], // 16 digits: no domestic format
    ['SF123456789012'], // SF with 12 digits
    ['LP00123456789012'], // cross-border Cainiao: not our 菜鸟速递
    ['AB12345678CD'],
    ['YT12345678901234'],
  ])('%s → unknown but valid', (waybillNo) => {
    const r = recognizeCarrier({ waybillNo });
    expect(r).toEqual({ confidence: 'unknown', candidates: [], waybillNo: waybillNo.toUpperCase() });
  });

  it.each([[''], ['   '], ['abc'], ['SF-1234567890123'], ['<script>'], ['1234567'], ['暂无运单号']])(
    'garbage %j → unknown, no number',
    (waybillNo) => {
      expect(recognizeCarrier({ waybillNo })).toEqual({ confidence: 'unknown', candidates: [], waybillNo: null });
      expect(recognizeCarrier({ carrierName: '顺丰速运', waybillNo })).toEqual({ confidence: 'unknown', candidates: [], waybillNo: null });
    },
  );
});

describe('recognizeCarrier with a console carrier name', () => {
  it('the name wins over a digit-only number', () => {
    const r = recognizeCarrier({ carrierName: '中通快递', waybillNo: '432542035598773' });
    expect(r).toMatchObject({ confidence: 'name', waybillNo: '432542035598773' });
    expect(r.carrier?.code).toBe('zto');
    expect(codes(r.candidates)).toEqual(['zto']);
  });

  it.each([
    ['申通快递', '773367326370601', 'sto'],
    ['申通快递', '77316523125896', 'sto'],
    ['韵达快递', '462598779470531', 'yunda'],
    ['邮政快递包裹', '1240921381750', 'post'],
    ['中国邮政', '4309597495550', 'post'],
    ['顺丰速运', '123456789012', 'sf'],
    ['德邦快递', '12345678', 'deppon'],
    ['京 东 快 递', 'JDVA11408814483', 'jd'],
    ['顺丰速运（标快）', 'sf1234567890123', 'sf'],
    ['百世快递', 'JT3002232682242', 'best'],
    ['丹鸟', '1234567890123', 'cainiao'],
    ['丰网速运', '1234567890123', 'fengwang'],
  ])('%s + %s → %s', (carrierName, waybillNo, code) => {
    const r = recognizeCarrier({ carrierName, waybillNo });
    expect(r.confidence).toBe('name');
    expect(r.carrier?.code).toBe(code);
  });

  it('the name wins even when the number looks like another carrier', () => {
    expect(recognizeCarrier({ carrierName: '顺丰速运', waybillNo: 'JT0006968326954' }).carrier?.code).toBe('sf');
  });

  it('an unknown or placeholder name falls back to the format', () => {
    expect(recognizeCarrier({ carrierName: '快递', waybillNo: 'SF1234567890123' })).toMatchObject({ confidence: 'format' });
    expect(recognizeCarrier({ carrierName: '其他', waybillNo: '773367326370601' })).toMatchObject({ confidence: 'ambiguous' });
    expect(recognizeCarrier({ carrierName: '', waybillNo: 'JT0006968326954' }).carrier?.code).toBe('jt');
    expect(recognizeCarrier({ carrierName: null, waybillNo: 'JT0006968326954' }).carrier?.code).toBe('jt');
    expect(recognizeCarrier({ carrierName: '菜鸟裹裹', waybillNo: 'YT9693083639795' }).carrier?.code).toBe('yto');
  });
});
