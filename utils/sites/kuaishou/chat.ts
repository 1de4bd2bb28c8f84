import type { BuyerChat } from '../types';

// 快手小店 客服工作台 (consoles.md §4.1).
export const buyerChat: BuyerChat = () => ({ url: 'https://im.kwaixiaodian.com/', channel: 'kwai-im' });
