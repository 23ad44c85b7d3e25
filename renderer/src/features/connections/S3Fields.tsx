/** S3 part of the connection form: endpoint, region, addressing and credentials. */
import { awsRegions, type FieldErrors, type FormValues } from './connectionForm.js';
import { ProfileField } from '../s3/ProfileField.js';
import { storageClasses } from '../../../../shared/buckets.js';
import { CheckField, SelectField, TextField } from '../../components/dialogs/Field.js';

interface Props {
  values: FormValues;
  errors: FieldErrors;
  savedSecret: boolean;
  set<K extends keyof FormValues>(key: K, value: FormValues[K]): void;
  setEndpointKind(kind: FormValues['endpointKind']): void;
}

export function S3Fields({ values, errors, savedSecret, set, setEndpointKind }: Props) {
  const keepHint = savedSecret ? 'Saved — leave empty to keep it' : undefined;
  return (
    <>
      <SelectField
        label="Endpoint"
        value={values.endpointKind}
        options={[
          { value: 'aws', label: 'Amazon S3 (AWS)' },
          { value: 'custom', label: 'Custom endpoint' },
        ]}
        onChange={setEndpointKind}
      />
      {values.endpointKind === 'custom' ? (
        <TextField
          label="Endpoint URL"
          value={values.endpointUrl}
          onChange={(v) => set('endpointUrl', v)}
          error={errors.endpointUrl}
          placeholder="https://s3.example.com:9000"
          type="url"
          inputMode="url"
        />
      ) : null}
      <TextField
        label="Region"
        value={values.region}
        onChange={(v) => set('region', v)}
        error={errors.region}
        placeholder="us-east-1"
        list="aws-regions"
        className="narrow"
      />
      <datalist id="aws-regions">
        {awsRegions.map((region) => (
          <option key={region} value={region} />
        ))}
      </datalist>
      <CheckField
        label="Path-style addressing"
        checked={values.forcePathStyle}
        onChange={(v) => set('forcePathStyle', v)}
        hint="Needed by most self-hosted stores (MinIO, Ceph)."
      />
      <SelectField
        label="Upload storage class"
        value={values.defaultStorageClass}
        options={[{ value: '', label: 'Bucket default (Standard)' }, ...storageClasses.map((c) => ({ value: c, label: c }))]}
        onChange={(v) => set('defaultStorageClass', v)}
      />
      <TextField
        label="CA certificate file"
        value={values.caFile}
        onChange={(v) => set('caFile', v)}
        placeholder="Optional: /path/to/private-ca.pem"
        hint="For a server whose certificate your own CA signed. The system's trusted CAs always apply."
        mono
      />

      <div className="form-section">Credentials</div>
      <SelectField
        label="Authentication"
        value={values.s3Auth}
        options={[
          { value: 'keys', label: 'Access keys' },
          { value: 'profile', label: 'AWS profile' },
        ]}
        onChange={(v) => set('s3Auth', v)}
      />
      {values.s3Auth === 'keys' ? (
        <>
          <TextField
            label="Access key ID"
            value={values.accessKeyId}
            onChange={(v) => set('accessKeyId', v)}
            error={errors.accessKeyId}
            placeholder="AKIA…"
            mono
          />
          <TextField
            label="Secret access key"
            type="password"
            value={values.secretAccessKey}
            onChange={(v) => set('secretAccessKey', v)}
            error={errors.secretAccessKey}
            placeholder={keepHint ?? ''}
            mono
          />
          <TextField
            label="Session token"
            type="password"
            value={values.sessionToken}
            onChange={(v) => set('sessionToken', v)}
            placeholder={savedSecret ? 'Leave empty to keep it' : 'Optional, for temporary credentials'}
            mono
          />
        </>
      ) : (
        <ProfileField value={values.profile} onChange={(v) => set('profile', v)} error={errors.profile} />
      )}
    </>
  );
}
