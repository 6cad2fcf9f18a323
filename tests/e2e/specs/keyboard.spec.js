// A person with only a keyboard completes the whole assessment as each role: Tab between
// questions, Space and arrow keys inside radio groups, Enter on buttons. Focus moves to each new
// screen's heading, so Tab always continues from the top of the new screen.
import { test, expect, openFresh } from '../fixtures.js';

async function focused(page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    const group = a && a.name ? document.querySelector(`input[name="${CSS.escape(a.name)}"]:checked`) : null;
    const answered = a?.tagName === 'SELECT' ? a.value !== '' : !!group;
    return { type: a?.type || '', name: a?.name || '', action: a?.dataset?.action || '', testid: a?.dataset?.testid || '', answered, id: a?.id || '' };
  });
}

/** Tabs through the current screen answering each unanswered group, then presses `finish`. */
async function keyboardScreen(page, finish, variant) {
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.type === 'select-one' && !f.answered) {
      // A menu (the ownership matrix): the arrow keys choose an owner.
      for (let k = 0; k <= (i + variant) % 3; k++) await page.keyboard.press('ArrowDown');
    } else if (f.type === 'radio' && !f.answered) {
      await page.keyboard.press('Space');
      for (let k = 0; k < (i + variant) % 3; k++) await page.keyboard.press('ArrowRight');
    } else if (f.action === finish || f.testid === finish) {
      await page.keyboard.press('Enter');
      return;
    }
  }
  throw new Error(`never reached ${finish}`);
}

for (const [variant, role] of ['internal_it', 'msp', 'leadership', 'other'].entries()) {
  test(`keyboard only, as ${role}`, async ({ page }) => {
    await openFresh(page);
    await keyboardScreen(page, 'start', variant);
    await expect(page.locator('#ov-title')).toBeFocused();
    // Role screen: move through the role radios with the arrow keys until ours is checked.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    for (let k = 0; k < 4 && !(await page.locator(`input[name=role][value=${role}]`).isChecked()); k++) {
      await page.keyboard.press('ArrowDown');
    }
    await expect(page.locator(`input[name=role][value=${role}]`)).toBeChecked();
    await keyboardScreen(page, 'next', variant);
    let sections = 0;
    while (await page.getByTestId('review').count() === 0) {
      await expect(page.locator('#ov-title')).toBeFocused();
      await keyboardScreen(page, 'next', variant);
      sections += 1;
    }
    // Every page the progress counted, and no more.
    await expect(page.getByTestId('progress')).toContainText(`${sections} of ${sections}`);
    await expect(page.getByTestId('review-complete')).toBeVisible();
    // The review screen also starts loading the results module; wait for its heading to take
    // focus (as on every screen) before tabbing, or a late focus move would eat the Enter.
    await expect(page.locator('#ov-title')).toBeFocused();
    await keyboardScreen(page, 'results', variant);
    await expect(page.getByTestId('headline')).toBeVisible();
    await expect(page.locator('#ov-title')).toBeFocused();
    await expect(page.getByTestId('results')).toContainText(/Answered as/);
  });
}
