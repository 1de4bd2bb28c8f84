import type { BuyerChat } from './types';

// Each console may have `utils/sites/<platform>/chat.ts`; only extension pages and the background use it.
const chatModules = import.meta.glob<{ buyerChat: BuyerChat }>('./*/chat.ts', { eager: true });

export function buyerChatFor(platform: string): BuyerChat | undefined {
  return chatModules[`./${platform}/chat.ts`]?.buyerChat;
}
