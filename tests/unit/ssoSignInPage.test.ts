import { describe, expect, it } from 'vitest';
import { signInPageOpener } from '../../electron/main/signInPage.js';
import { isSsoSignInPage } from '../../shared/ssoSignInPage.js';

describe('the IAM Identity Center pages a sign-in may open in the browser', () => {
  it('allows the SSO device page AWS names and the access portal, https only', () => {
    expect(isSsoSignInPage('https://device.sso.us-east-1.amazonaws.com/?user_code=WDKS-QLZT')).toBe(true);
    expect(isSsoSignInPage('https://device.sso.us-west-2.amazonaws.com?user_code=WDKS-QLZT')).toBe(true);
    expect(isSsoSignInPage('https://device.sso.cn-north-1.amazonaws.com.cn/')).toBe(true);
    expect(isSsoSignInPage('https://d-9067642ac7.awsapps.com/start/#/device?user_code=WDKS-QLZT')).toBe(true);
    expect(isSsoSignInPage('https://corp.awsapps.com:443/start')).toBe(true);
  });

  it('refuses plain http, other hosts, look-alikes, user info and other ports', () => {
    expect(isSsoSignInPage('http://device.sso.us-east-1.amazonaws.com/')).toBe(false);
    expect(isSsoSignInPage('https://evil.example.com/?awsapps.com')).toBe(false);
    expect(isSsoSignInPage('https://awsapps.com.evil.example/')).toBe(false);
    expect(isSsoSignInPage('https://corp.awsapps.com@evil.example/')).toBe(false);
    expect(isSsoSignInPage('https://corp.awsapps.com:8443/')).toBe(false);
    expect(isSsoSignInPage('https://s3.us-east-1.amazonaws.com/')).toBe(false);
    expect(isSsoSignInPage('file:///etc/passwd')).toBe(false);
    expect(isSsoSignInPage('javascript:alert(1)//corp.awsapps.com')).toBe(false);
  });

  it('main opens only those pages, and says why it refuses any other', async () => {
    const opened: string[] = [];
    const open = signInPageOpener(async (url) => void opened.push(url));
    await open('https://device.sso.us-east-1.amazonaws.com/?user_code=WDKS-QLZT');
    await expect(open('https://evil.example.com/?awsapps.com')).rejects.toThrow(
      'Stowage opens only AWS sign-in pages (https, on awsapps.com or the SSO device page) in the browser.',
    );
    expect(opened).toEqual(['https://device.sso.us-east-1.amazonaws.com/?user_code=WDKS-QLZT']);
  });
});
