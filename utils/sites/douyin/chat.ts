import type { BuyerChat } from '../types';

// 飞鸽 workspace (consoles.md §1.4). No per-order deep link exists: the seller picks the buyer there.
export const buyerChat: BuyerChat = () => ({ url: 'https://im.jinritemai.com/pc_seller_v2/main/workspace', channel: 'feige' });
