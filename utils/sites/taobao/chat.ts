import type { BuyerChat } from '../types';

/**
 * 千牛/旺旺 desktop protocol (consoles.md §3.4): `aliim:sendmsg?touid=cntaobao<nick>`. It needs the buyer's
 * real nick; the list masks it (牛**, 号码保护订单), and then only 千牛 itself can be opened.
 */
export const buyerChat: BuyerChat = (order) => {
  const nick = order.buyer;
  if (nick && !nick.includes('*') && nick !== '号码保护订单') {
    return { url: `aliim:sendmsg?touid=cntaobao${encodeURIComponent(nick)}&siteid=cntaobao&status=1&charset=utf-8`, channel: 'wangwang' };
  }
  return { url: 'aliim:sendmsg?siteid=cntaobao&status=1', channel: 'wangwang' };
};
