import type { Page } from '@playwright/test';

/**
 * What a screen shows that the catalogs did not give it, and what does not fit its box: run
 * in the pseudo-locale (en-XA), where every catalog string is accented and wrapped in ⟦…⟧,
 * plain ASCII words betray a string that bypassed the catalogs, and the longer strings find
 * boxes too narrow for a longer language. Names and other user data are marked with
 * `data-user-text` and pass both checks (a long file name may end in an ellipsis). `root`, a CSS
 * selector, limits a check to the parts of the screen it matches (every match is checked).
 */
export interface TextProblem {
  text: string;
  where: string;
}

/** Visible text outside ⟦…⟧ with a letter in it, outside user data. */
/** Names that are the same in every language (products and protocols), never translated. */
const sameInEveryLanguage = ['S3', 'SFTP', 'SSH', 'AWS', 'Amazon S3', 'Stowage'];

export function untranslatedTexts(page: Page, root = 'body'): Promise<TextProblem[]> {
  return page.evaluate(([root, names]) => {
    const found: { text: string; where: string }[] = [];
    for (const top of Array.from(document.querySelectorAll(root))) {
      const walker = document.createTreeWalker(top, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        if (!element || element.closest('[data-user-text], script, style, [aria-hidden="true"]')) continue;
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === 'hidden') continue;
        const outside = (element.textContent ?? '').replace(/⟦[^⟧]*⟧/g, '');
        const own = (node.textContent ?? '').replace(/⟦[^⟧]*⟧/g, '');
        if (names.includes(own.trim())) continue;
        if (/[A-Za-z]/.test(own) && /[A-Za-z]/.test(outside)) found.push({ text: own.trim(), where: element.tagName.toLowerCase() + (element.className ? `.${String(element.className).split(' ')[0]}` : '') });
      }
    }
    return found;
  }, [root, sameInEveryLanguage] as const);
}

/** Visible elements whose own text is cut off or spills out of their box, outside user data. */
export function overflowingTexts(page: Page, root = 'body'): Promise<TextProblem[]> {
  return page.evaluate((root) => {
    const found: { text: string; where: string }[] = [];
    const tops = Array.from(document.querySelectorAll<HTMLElement>(root));
    const elements = tops.flatMap((top) => [top, ...Array.from(top.querySelectorAll<HTMLElement>('*'))]);
    for (const element of elements) {
      if (element.closest('[data-user-text]')) continue;
      const ownText = Array.from(element.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (!ownText) continue;
      const box = element.getBoundingClientRect();
      // Screen-reader-only text sits in a 1px box on purpose.
      if (box.width <= 1 || box.height <= 1) continue;
      const style = getComputedStyle(element);
      const clips = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
      const cut = clips && (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1);
      const parent = element.parentElement?.getBoundingClientRect();
      const spills = !clips && parent !== undefined && (box.right > parent.right + 1 || box.left < parent.left - 1) && getComputedStyle(element.parentElement!).overflowX !== 'visible';
      if (cut || spills) found.push({ text: ownText, where: element.tagName.toLowerCase() + (element.className ? `.${String(element.className).split(' ')[0]}` : '') });
    }
    return found;
  }, root);
}
