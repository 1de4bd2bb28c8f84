import type { SiteDefinition } from './types';

// Each console lives in its own folder; adding `utils/sites/<platform>/site.ts` registers it.
const siteModules = import.meta.glob<{ site: SiteDefinition }>('./*/site.ts', { eager: true });

export const SITES: readonly SiteDefinition[] = Object.values(siteModules)
  .map((module) => module.site)
  .sort((a, b) => a.platform.localeCompare(b.platform));

export function siteByPlatform(platform: string): SiteDefinition | undefined {
  return SITES.find((site) => site.platform === platform);
}

/** The console a page origin belongs to (used to check who sent a capture). */
export function siteByOrigin(origin: string): SiteDefinition | undefined {
  return SITES.find((site) => site.origins.includes(origin));
}
