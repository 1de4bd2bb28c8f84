import { ConsoleTabs } from '@/utils/background/console-tabs';
import { handleContentMessage } from '@/utils/background/handle-content-message';
import { checkSender } from '@/utils/messaging/check-sender';
import { createDatabase } from '@/utils/db/database';
import { setUpDailyReportNotifications } from '@/utils/background/daily-notify';
import { setUpTeamSync } from '@/utils/background/sync-setup';

export default defineBackground(() => {
  const db = createDatabase();
  const consoleTabs = new ConsoleTabs();
  setUpDailyReportNotifications(db);
  // Team sync (off by default): extension pages' orderlens-sync/* messages, the alarm, the live port.
  const teamSync = setUpTeamSync(db);
  browser.runtime.onMessage.addListener((message, sender) => {
    const sync = teamSync.handleMessage(message, sender);
    if (sync) return sync;
    const from = checkSender(sender, browser.runtime.id);
    if (from.ok) consoleTabs.remember(sender.tab?.id, from.platform);
    return handleContentMessage(message, sender, {
      db,
      extensionId: browser.runtime.id,
      onOrdersChanged: (platform, orderIds, fromTabId) => {
        consoleTabs.notify(platform, orderIds, fromTabId);
        teamSync.noteLocalChange(orderIds.length);
      },
      teamRemind: teamSync.remind,
    });
  });
});
