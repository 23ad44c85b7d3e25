/**
 * How main opens an IAM Identity Center sign-in page for the core: only the AWS sign-in pages
 * (the core asks with the page AWS named, checked again here before the OS opens it).
 */
import { isSsoSignInPage } from '../../shared/ssoSignInPage.js';
import { mainWords } from './mainWords.js';

/** `open`: what opens a page in the user's browser (shell.openExternal in the app). */
export function signInPageOpener(open: (url: string) => Promise<void>): (url: string) => Promise<void> {
  return async (url) => {
    if (!isSsoSignInPage(url)) throw new Error(mainWords.t('main:signInPageRefused'));
    await open(url);
  };
}
