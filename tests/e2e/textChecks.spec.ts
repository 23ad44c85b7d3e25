// The pseudo-locale checks themselves, on pages made to hold each problem: they must find a
// string that bypassed the catalogs and a label cut off by its box, and pass user data.
import { expect, test } from '@playwright/test';
import { overflowingTexts, untranslatedTexts } from './textChecks.js';

test('finds plain English beside pseudo-locale text, and lets user data and symbols pass', async ({ page }) => {
  await page.setContent(`
    <button>⟦Úplóád fíléš······⟧</button>
    <button>Delete</button>
    <span data-user-text>report-final.pdf</span>
    <span>· 3 ·</span>
    <p>⟦Ñámé⟧ <b>Size</b></p>`);
  expect(await untranslatedTexts(page)).toEqual([
    { text: 'Delete', where: 'button' },
    { text: 'Size', where: 'b' },
  ]);
});

test('finds a label cut off by its box, and lets a user name end in an ellipsis', async ({ page }) => {
  await page.setContent(`
    <style>.narrow { width: 60px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; display: block }</style>
    <span class="narrow">⟦Çóñfíguráçíóñ dé búçkét······⟧</span>
    <span class="narrow" data-user-text>a-very-long-file-name-indeed.txt</span>
    <span class="wide" style="display:block;width:400px;overflow:hidden">⟦Óк⟧</span>`);
  expect(await overflowingTexts(page)).toEqual([{ text: '⟦Çóñfíguráçíóñ dé búçkét······⟧', where: 'span.narrow' }]);
});

test('checks only the parts a root selector names, every one of them', async ({ page }) => {
  await page.setContent(`
    <nav class="mine"><button>⟦Báçk··⟧</button><button>Forward</button></nav>
    <div class="theirs"><button>Settings</button></div>
    <footer class="mine"><span>Loading</span></footer>`);
  expect(await untranslatedTexts(page, '.mine')).toEqual([
    { text: 'Forward', where: 'button' },
    { text: 'Loading', where: 'span' },
  ]);
  expect(await untranslatedTexts(page, '.theirs')).toEqual([{ text: 'Settings', where: 'button' }]);
  expect(await overflowingTexts(page, '.mine')).toEqual([]);
});
