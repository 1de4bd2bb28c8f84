import type { BuyerChat } from '../types';

// 拼多多 商家客服 chat (consoles.md §5.1, hash router). The per-order `mms-chat/search?ordersn=` link was seen
// once only (L confidence), so the chat index is used.
export const buyerChat: BuyerChat = () => ({ url: 'https://mms.pinduoduo.com/chat-merchant/index.html#/', channel: 'pdd-chat' });
