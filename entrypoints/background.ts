import { handleContentMessage } from '@/utils/background/handle-content-message';
import { createDatabase } from '@/utils/db/database';

export default defineBackground(() => {
  const db = createDatabase();
  browser.runtime.onMessage.addListener((message, sender) =>
    handleContentMessage(message, sender, { db, extensionId: browser.runtime.id }),
  );
});
