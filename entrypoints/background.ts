import { ConsoleTabs } from '@/utils/background/console-tabs';
import { handleContentMessage } from '@/utils/background/handle-content-message';
import { checkSender } from '@/utils/messaging/check-sender';
import { createDatabase } from '@/utils/db/database';
import { setUpDailyReportNotifications } from '@/utils/background/daily-notify';

export default defineBackground(() => {
  const db = createDatabase();
  const consoleTabs = new ConsoleTabs();
  setUpDailyReportNotifications(db);
  browser.runtime.onMessage.addListener((message, sender) => {
    const from = checkSender(sender, browser.runtime.id);
    if (from.ok) consoleTabs.remember(sender.tab?.id, from.platform);
    return handleContentMessage(message, sender, {
      db,
      extensionId: browser.runtime.id,
      onOrdersChanged: (platform, orderIds, fromTabId) => consoleTabs.notify(platform, orderIds, fromTabId),
    });
  });
});
