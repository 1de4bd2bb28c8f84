import type { BuyerChat } from '../types';

// 京东咚咚 web workstation (consoles.md §2.4). No per-order deep link was found.
export const buyerChat: BuyerChat = () => ({ url: 'https://dongdong.jd.com/', channel: 'dongdong' });
