import { GetBucketPolicyCommand } from '@aws-sdk/client-s3';
import { connectS3, row } from './actions.js';
import { expect, test } from './fixtures.js';
import { startAclsDisabledProxy } from '../support/aclsDisabledProxy.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

interface Statement {
  Effect: string;
  Principal: unknown;
  Action: string | string[];
  Resource: string | string[];
}

test('Make public on a bucket without ACLs explains why and adds a public-read policy for the folder instead', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('acl-e2e');
  await createBucketWith(s3, bucket, { 'site/page.html': '<p>hi</p>', 'private/notes.txt': 'secret' });
  const proxy = await startAclsDisabledProxy(servers.s3.endpoint);
  try {
    await connectS3(page, { name: 'Owner enforced', endpoint: proxy.endpoint, accessKeyId: servers.s3.accessKeyId, secretAccessKey: servers.s3.secretAccessKey });
    await row(page, `/${bucket}/`).dblclick();
    await row(page, `/${bucket}/site/`).dblclick();
    await row(page, `/${bucket}/site/page.html`).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Make public', exact: true }).click();

    const offer = page.getByRole('alertdialog', { name: 'This bucket does not allow ACLs' });
    await expect(offer).toContainText('Object Ownership setting (“Bucket owner enforced”) turns ACLs off, so “page.html” cannot be made public on its own.');
    await expect(offer).toContainText('A bucket policy can let anyone read everything under “site/” instead');
    expect(proxy.rewritten()).toBe(1);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
      await app.screenshot(`acl-disabled-policy-offer-${scheme}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });

    await offer.getByRole('button', { name: 'Add public-read policy' }).click();
    await expect(offer).toBeHidden();
    await expect(page.getByText('Added a bucket policy: anyone can now read everything under “site/”.')).toBeVisible();

    // Read back from RGW itself, not through the proxy.
    const policy = JSON.parse((await s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy ?? '{}') as { Statement: Statement[] };
    expect(policy.Statement).toEqual([
      expect.objectContaining({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/site/*` }),
    ]);
    const anonymous = await fetch(`${servers.s3.endpoint}/${bucket}/site/page.html`);
    expect([anonymous.status, await anonymous.text()]).toEqual([200, '<p>hi</p>']);
    expect((await fetch(`${servers.s3.endpoint}/${bucket}/private/notes.txt`)).status).toBe(403);
  } finally {
    await proxy.close();
    await removeBucket(s3, bucket);
  }
});
