import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const findings = async (filePath: string, code: string) =>
  (await eslint.lintText(code, { filePath }))[0]!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.line);

const code = [
  "import { notificationText } from '@/lib/i18n/notification-text';",
  "import { alertMessage } from '@/lib/notifications/profitability-alert';",
  "import { pageTitle } from '@/lib/i18n/page-title';",
  'export const used = [notificationText, alertMessage, pageTitle];',
].join('\n');

describe('notification text stays out of pages and components', () => {
  it('lint refuses it in a page or a component, and allows it in a job or an action', async () => {
    expect(await findings('app/[locale]/(app)/probe/page.tsx', code)).toEqual([1, 2]);
    expect(await findings('components/probe/probe.tsx', code)).toEqual([1, 2]);
    expect(await findings('inngest/functions/probe/probe.ts', code)).toEqual([]);
    expect(await findings('lib/actions/probe/probe.ts', code)).toEqual([]);
  });
});
