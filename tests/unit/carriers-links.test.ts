import { describe, expect, it } from 'vitest';
import { CARRIERS, carrierByCode, type CarrierInfo } from '@/utils/carriers/carriers';
import { recognizeCarrier } from '@/utils/carriers/recognize';
import { trackingLinks } from '@/utils/carriers/tracking-links';

const carrier = (code: string) => carrierByCode(code)!;
const urls = (waybillNo: string, c?: CarrierInfo | string | null) => trackingLinks(waybillNo, c).map((link) => link.url);
const autoDetect = (no: string) => `https://www.kuaidi100.com/chaxun?com=&nu=${no}`;

describe('trackingLinks', () => {
  it('SF: official page first, then kuaidi100', () => {
    expect(trackingLinks('SF1234567890123', carrier('sf'))).toEqual([
      { label: '顺丰速运官网查询', url: 'https://www.sf-express.com/chn/sc/waybill/waybill-detail/SF1234567890123', kind: 'official' },
      { label: '快递100 查询', url: 'https://www.kuaidi100.com/chaxun?com=shunfeng&nu=SF1234567890123', kind: 'kuaidi100' },
    ]);
  });

  it.each([
    ['zto', '432542035598773', 'https://www.zto.com/GuestService/Bill?txtBill=432542035598773', 'zhongtong'],
    ['ems', 'EA123456789CN', 'https://www.ems.com.cn/queryList?mailNum=EA123456789CN', 'ems'],
    ['post', '1240921381750', 'https://www.ems.com.cn/queryList?mailNum=1240921381750', 'youzhengguonei'],
    ['jd', 'JDVA11408814483', 'https://www.jdl.com/orderSearch/?waybillCodes=JDVA11408814483', 'jd'],
  ])('%s: official page, then kuaidi100', (code, no, official, com) => {
    expect(urls(no, code)).toEqual([official, `https://www.kuaidi100.com/chaxun?com=${com}&nu=${no}`]);
  });

  it.each([
    ['yto', 'YT9693083639795', 'yuantong'],
    ['sto', '773367326370601', 'shentong'],
    ['yunda', '462598779470531', 'yunda'],
    ['jt', 'JT0006968326954', 'jtexpress'],
    ['deppon', 'DPK364112047425', 'debangkuaidi'],
    ['cainiao', '1234567890123', 'danniao'],
    ['fengwang', '1234567890123', 'fengwang'],
  ])('%s: kuaidi100 only', (code, no, com) => {
    expect(trackingLinks(no, code)).toEqual([
      { label: '快递100 查询', url: `https://www.kuaidi100.com/chaxun?com=${com}&nu=${no}`, kind: 'kuaidi100' },
    ]);
  });

  it('百世 tracks as 极兔', () => {
    expect(urls('JT3002232682242', carrier('best'))).toEqual(['https://www.kuaidi100.com/chaxun?com=jtexpress&nu=JT3002232682242']);
    const recognised = recognizeCarrier({ carrierName: '百世快递', waybillNo: 'JT3002232682242' });
    expect(urls('JT3002232682242', recognised.carrier)).toEqual(['https://www.kuaidi100.com/chaxun?com=jtexpress&nu=JT3002232682242']);
  });

  it('丹鸟 tracks as 菜鸟速递', () => {
    const recognised = recognizeCarrier({ carrierName: '丹鸟', waybillNo: '1234567890123' });
    expect(recognised.carrier?.nameZh).toBe('菜鸟速递');
    expect(urls('1234567890123', recognised.carrier)).toEqual(['https://www.kuaidi100.com/chaxun?com=danniao&nu=1234567890123']);
  });

  it('no carrier, an unknown code, or an ambiguous number: kuaidi100 auto-detect (empty com)', () => {
    expect(urls('432542035598773')).toEqual([autoDetect('432542035598773')]);
    expect(urls('432542035598773', null)).toEqual([autoDetect('432542035598773')]);
    expect(urls('432542035598773', 'nope')).toEqual([autoDetect('432542035598773')]);
    const ambiguous = recognizeCarrier({ waybillNo: '773367326370601' });
    expect(ambiguous.confidence).toBe('ambiguous');
    expect(urls('773367326370601', ambiguous.carrier)).toEqual([autoDetect('773367326370601')]);
  });

  it('uses the normalised number (spaces removed, upper case, full-width folded)', () => {
    expect(urls(' sf 1234 5678 90123 ', 'sf')).toEqual([
      'https://www.sf-express.com/chn/sc/waybill/waybill-detail/SF1234567890123',
      'https://www.kuaidi100.com/chaxun?com=shunfeng&nu=SF1234567890123',
    ]);
    expect(urls('ＪＴ０００６９６８３２６９５４')).toEqual([autoDetect('JT0006968326954')]);
  });

  it.each([
    [''],
    ['   '],
    ['abc'],
    ['1234567'],
    ['SF1234567890123-1'],
    ['SF1234567890123&com=evil'],
    ['SF1234567890123#x'],
    ['../../SF1234567890123'],
    ['javascript:alert(1)'],
    ['"><img src=x onerror=alert(1)>'],
    ['SF1234567890123\u0000'],
    ['%53F1234567890123'],
  ])('builds no URL from %j', (raw) => {
    expect(trackingLinks(raw, 'sf')).toEqual([]);
    expect(trackingLinks(raw)).toEqual([]);
  });

  it('uses only the table entry of a carrier, never a template a caller brings', () => {
    const forged: CarrierInfo = {
      ...carrier('yto'),
      kuaidi100: 'x&nu=1',
      official: { urlTemplate: 'https://evil.example/{no}', confidence: 'H' },
    };
    expect(urls('YT9693083639795', forged)).toEqual(['https://www.kuaidi100.com/chaxun?com=yuantong&nu=YT9693083639795']);
  });

  it('every carrier yields well-formed https URLs whose number round-trips', () => {
    for (const c of CARRIERS) {
      const links = trackingLinks('ab12345678CD', c);
      expect(links.at(-1)?.kind).toBe('kuaidi100');
      for (const link of links) {
        const url = new URL(link.url);
        expect(url.protocol).toBe('https:');
        expect(link.url).toContain('AB12345678CD');
      }
    }
  });
});
