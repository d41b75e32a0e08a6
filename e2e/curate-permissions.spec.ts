// Who may edit, in the browser: a Nansen of its own started with the sample edit rules
// (docs/edit-rules.sample.json) on 127.0.0.1, so its cookies stay apart from the localhost instance.
// With those rules borge (group finance-data) is a viewer on hive tables, liv (data-editors) an editor.
import path from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { callFromPage } from './call-from-page';
import { captureWidths, expectAccessible } from './fixtures';
import { logInAtDevIdp } from './login';
import { startNansen, type NansenServer } from './start-nansen';

const CUSTOMERS_KEY = 'hive://gold.core/customers';
const CUSTOMERS_PAGE = '/table_detail/gold/hive/core/customers';
const VIEWER_REASON = 'Editing descriptions and tags of this hive table needs the editor role, and its owners the owner-editor role; you have viewer and are not one of its owners.';
const EDITOR_REASON = 'Editing owners of this hive table needs the owner-editor role; you have editor and are not one of its owners.';

/** What the table route and a refused write answer, as far as this spec reads them. */
interface AnswerBody {
  error?: { name: string; message: string; code?: string };
  tableData?: { description: string | null; tags: { tag_name: string }[]; owners: { user_id: string }[]; edit_rights: unknown };
}

const getCustomers = (page: Page) => callFromPage<AnswerBody>(page, 'GET', `/api/metadata/v0/table?key=${encodeURIComponent(CUSTOMERS_KEY)}`);

test.describe('who may edit, by the edit rules file', () => {
  test.describe.configure({ mode: 'serial' });
  let server: NansenServer;
  test.beforeAll(async () => {
    server = await startNansen({ name: 'edit-rules', host: '127.0.0.1', env: { EDIT_RULES_FILE: path.resolve('docs/edit-rules.sample.json') } });
  });
  test.afterAll(() => server?.stop());

  /** A browser context of its own, signed in as `login` through the development provider's form. */
  async function signIn(browser: Browser, login: string): Promise<Page> {
    const context = await browser.newContext({ baseURL: server.baseUrl });
    const page = await context.newPage();
    await page.goto('/');
    await logInAtDevIdp(page, server.idpOrigin, login);
    await page.getByTestId('current-user').waitFor();
    return page;
  }

  test('a viewer\'s forged writes are refused with 403 naming the missing role, and nothing changes', async ({ browser }) => {
    const page = await signIn(browser, 'borge');
    await page.goto(CUSTOMERS_PAGE);
    const before = await getCustomers(page);
    expect(before.status).toBe(200);
    expect(before.body.tableData!.edit_rights).toEqual({ descriptions: false, tags: false, owners: false, reason: VIEWER_REASON });

    const forged = [
      await callFromPage<AnswerBody>(page, 'PUT', '/api/metadata/v0/put_table_description', { key: CUSTOMERS_KEY, description: 'Forged by a viewer', base: before.body.tableData!.description }),
      await callFromPage<AnswerBody>(page, 'PUT', '/api/metadata/v0/update_table_tags', { key: CUSTOMERS_KEY, tag: 'forged' }),
      await callFromPage<AnswerBody>(page, 'PUT', '/api/metadata/v0/update_table_owner', { key: CUSTOMERS_KEY, owner: 'borge.ousland@example.org' }),
    ];
    for (const answer of forged) {
      expect(answer.status).toBe(403);
      expect(answer.body.error).toMatchObject({ code: 'edit_forbidden', message: VIEWER_REASON });
    }

    const after = await getCustomers(page);
    expect(after.body.tableData!.description).toBe(before.body.tableData!.description);
    expect(after.body.tableData!.tags.map((t) => t.tag_name)).not.toContain('forged');
    expect(after.body.tableData!.owners.map((o) => o.user_id)).not.toContain('borge.ousland@example.org');
    await page.context().close();
  });

  test('a viewer sees the table page without edit controls, and the reason', async ({ browser }, testInfo) => {
    const page = await signIn(browser, 'borge');
    await page.goto(CUSTOMERS_PAGE);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('core.customers');
    await expect(page.getByText(VIEWER_REASON)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Edit description', exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Edit description of / })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Remove tag / })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Remove owner / })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Add owner' })).toHaveCount(0);
    await expect(page.getByRole('combobox', { name: 'Add tag' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Add tag' })).toHaveCount(0);
    await expectAccessible(page, testInfo, 'table page of a viewer');
    await captureWidths(page, testInfo, 'table-viewer');
    await page.context().close();
  });

  test('an editor sees the description and tag controls, not the owner ones, and why', async ({ browser }) => {
    const page = await signIn(browser, 'liv');
    await page.goto(CUSTOMERS_PAGE);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('core.customers');
    await expect(page.getByRole('button', { name: 'Edit description', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Edit description of / }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add tag' }).or(page.getByRole('combobox', { name: 'Add tag' })).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add owner' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Remove owner / })).toHaveCount(0);
    await expect(page.getByText(EDITOR_REASON)).toBeVisible();
    await page.context().close();
  });

  test('the viewer edits where a narrowed grant and his ownership hold: the finance table he owns shows every control and no note', async ({ browser }) => {
    const page = await signIn(browser, 'borge');
    await page.goto('/table_detail/prod/snowflake/finance/monthly_revenue');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('finance.monthly_revenue');
    await expect(page.getByRole('button', { name: 'Edit description', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add owner' }).or(page.getByRole('combobox', { name: 'Add owner' })).first()).toBeVisible();
    await expect(page.getByText(/needs the \S+ role/)).toHaveCount(0);
    await page.context().close();
  });
});
