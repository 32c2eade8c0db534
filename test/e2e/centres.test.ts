/**
 * Centres on one PC: a new, empty centre is set up from the start screen with its first shift leader,
 * opens on its own (no sample data in it, no sample accounts), and the sample centre is one click away
 * with its data as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  appDbName,
  dialogSettled,
  inputOf,
  mapIdle,
  openApp,
  screenshot,
  signIn,
  storedRecords,
  type Session,
} from './driver';

const CENTRE = {
  name: '新安街道综合行政执法指挥中心',
  townshipName: '新安街道',
  divisionCode: '320381105',
  username: 'zhangwei',
  displayName: '张伟',
  password: 'Xinan-2026-leader',
};

describe('centres on one PC', () => {
  let s: Session;
  let sampleDb: string;
  let sampleCases: number;
  const backup = `${ARTIFACTS}centres-sample-backup.zip`;
  beforeAll(async () => {
    // The sample's leader exports a backup first (a centre's backup from another PC, as it were).
    s = await openApp({ signIn: 'leader' });
    sampleDb = await appDbName(s.page);
    sampleCases = (await storedRecords(s.page, 'cases')).length;
    await s.page.getByTestId('tools-button').click();
    await s.page.getByTestId('tools-backup').click();
    const [download] = await Promise.all([
      s.page.waitForEvent('download'),
      s.page.getByTestId('backup-export').click(),
    ]);
    await download.saveAs(backup);
    await s.page.keyboard.press('Escape');
    await s.page.getByTestId('sign-out').click();
    await s.page.getByTestId('sign-in').waitFor();
  });
  afterAll(async () => {
    await s.close();
  });

  it('sets up a new centre from the start screen, naming what is wrong in the form first', async () => {
    const page = s.page;
    await page.getByTestId('sign-in-centres').click();
    await page.getByTestId('centres-dialog').waitFor();
    await expect.poll(() => page.getByTestId('centre-sample').textContent()).toContain('示例中心');
    await page.getByTestId('centre-new').click();
    for (const [field, value] of Object.entries({ ...CENTRE, divisionCode: '32038110' }))
      await inputOf(page, `centre-field-${field}`).fill(value);
    await page.getByTestId('centre-create').click();
    await expect
      .poll(() => page.getByTestId('centre-issue-divisionCode').textContent())
      .toBe('区划代码应为 9 位（6 位县级代码 + 3 位乡镇代码），实为 8 位');
    await dialogSettled(page);
    await screenshot(page, 'centres-new');
    await inputOf(page, 'centre-field-divisionCode').fill(CENTRE.divisionCode);
    await page.getByTestId('centre-create').click();
    // The window reloads into the new centre: its sign-in card names it.
    await expect
      .poll(() => page.getByTestId('sign-in-centre').textContent(), { timeout: 60_000 })
      .toContain(CENTRE.name);
    expect(await appDbName(page)).not.toBe(sampleDb);
    expect(await storedRecords(page, 'cases')).toHaveLength(0);
    expect((await storedRecords<{ username: string }>(page, 'accounts')).map((a) => a.username)).toEqual([
      CENTRE.username,
    ]);
  });

  it('opens to its first shift leader only, on the set-up screen, and not to the sample’s accounts', async () => {
    const page = s.page;
    await signInAs(page, 'daiban', 'daiban2026');
    await page.getByTestId('sign-in-error').waitFor();
    await signInAs(page, CENTRE.username, CENTRE.password);
    await page.getByTestId('centre-setup').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('centre-setup-township').textContent()).toContain('新安街道');
    expect(await page.getByTestId('centre-setup-township').textContent()).toContain('320381105');
    await screenshot(page, 'centres-setup');
  });

  it('brings its data in from a backup, checked before it is restored', async () => {
    const page = s.page;
    await page.getByTestId('centre-setup-restore').click();
    await page.getByTestId('backup-file').setInputFiles(backup);
    await page.getByTestId('backup-summary').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('backup-current-cases').textContent()).toBe('0');
    expect(await page.getByTestId('backup-candidate-cases').textContent()).toBe(String(sampleCases));
    await page.getByTestId('backup-restore').click();
    // The backup's accounts came with it: its leader signs in, and the township is on the map.
    await page.getByTestId('sign-in').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('sign-in-centre').textContent()).toContain(CENTRE.name);
    await signIn(page, 'leader');
    await mapIdle(page);
    expect(await storedRecords(page, 'cases')).toHaveLength(sampleCases);
    expect(await appDbName(page)).not.toBe(sampleDb);
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in').waitFor();
  });

  it('switches back to the sample centre with its data as it was', async () => {
    const page = s.page;
    await page.getByTestId('sign-in-centres').click();
    await page.getByTestId('centres-dialog').waitFor();
    // Opening another centre reloads the window: wait for the new page, not the sign-in card still shown.
    await Promise.all([page.waitForEvent('load'), page.getByTestId('centre-switch-sample').click()]);
    await page.getByTestId('sign-in').waitFor({ timeout: 60_000 });
    expect(await appDbName(page)).toBe(sampleDb);
    await signIn(page, 'operator');
    await mapIdle(page);
    expect(await storedRecords(page, 'cases')).toHaveLength(sampleCases);
    // Both centres are listed from the Tools menu; the open one is marked.
    await page.getByTestId('tools-button').click();
    await page.getByTestId('tools-centres').click();
    await page.getByTestId('centres-dialog').waitFor();
    await expect.poll(() => page.getByTestId('centres-list').locator('li').count()).toBe(2);
    expect(await page.getByTestId('centre-sample').getByTestId('centre-open').count()).toBe(1);
    await dialogSettled(page);
    await screenshot(page, 'centres-list');
  });
});

async function signInAs(page: Session['page'], username: string, password: string): Promise<void> {
  await inputOf(page, 'sign-in-username').fill(username);
  await inputOf(page, 'sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
}
