import { describe, expect, it } from 'vitest';
import { s3ConnectionDraftSchema, type ConnectionSummary } from '../../shared/connections.js';
import { emptyForm, formFromSummary, toDraft } from '../../renderer/src/features/connections/connectionForm.js';

describe('the connection form’s Transfer Acceleration option', () => {
  const filled = { ...emptyForm(), name: 'AWS', accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret', useAccelerate: true };

  it('is saved for an AWS connection, and read back into the form', () => {
    const draft = toDraft(filled, null);
    expect(draft).toMatchObject({ protocol: 's3', useAccelerate: true });
    expect(s3ConnectionDraftSchema.parse(draft).useAccelerate).toBe(true);
    if (draft.protocol !== 's3') throw new Error('an S3 draft was expected');
    const summary: ConnectionSummary = { ...draft, id: 'c1', auth: { kind: 'keys', accessKeyId: 'AKIAEXAMPLE' }, hasSavedSecret: true, needsSecretAtConnect: false };
    expect(formFromSummary(summary).useAccelerate).toBe(true);
  });

  it('is left out for a custom endpoint, which has no accelerate endpoint', () => {
    const draft = toDraft({ ...filled, endpointKind: 'custom', endpointUrl: 'https://minio.example:9000' }, null);
    expect('useAccelerate' in draft).toBe(false);
  });
});
