import { useEffect, useState } from 'react';
import { exceptionRulesItem } from '@/utils/background/dashboard-settings';
import { DEFAULT_EXCEPTION_RULES, type ExceptionRules } from '@/utils/kpi/logistics-exceptions';

/**
 * The 物流异常 rules set on the dashboard (threshold hours), following changes made elsewhere; null until
 * read, so lists are not first computed with the default and then recomputed.
 */
export function useExceptionRules(): ExceptionRules | null {
  const [rules, setRules] = useState<ExceptionRules | null>(null);
  useEffect(() => {
    void exceptionRulesItem.getValue().then(setRules);
    return exceptionRulesItem.watch((value) => setRules(value ?? DEFAULT_EXCEPTION_RULES));
  }, []);
  return rules;
}
