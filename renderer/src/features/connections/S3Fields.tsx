/** S3 part of the connection form: endpoint, region, addressing and credentials. */
import { awsRegions, type FieldErrors, type FormValues } from './connectionForm.js';
import { ProfileField } from '../s3/ProfileField.js';
import { SsoProfileRow } from './SsoProfileRow.js';
import { storageClasses } from '../../../../shared/buckets.js';
import { formatStorageClass } from '../../lib/format.js';
import { CheckField, SelectField, TextField } from '../../components/dialogs/Field.js';
import { useTranslation } from 'react-i18next';

interface Props {
  values: FormValues;
  errors: FieldErrors;
  savedSecret: boolean;
  set<K extends keyof FormValues>(key: K, value: FormValues[K]): void;
  setEndpointKind(kind: FormValues['endpointKind']): void;
}

export function S3Fields({ values, errors, savedSecret, set, setEndpointKind }: Props) {
  const { t } = useTranslation();
  const keepHint = savedSecret ? t('connections:form.savedKeep') : undefined;
  return (
    <>
      <SelectField
        label={t('connections:s3.endpoint')}
        value={values.endpointKind}
        options={[
          { value: 'aws', label: t('connections:s3.endpointAws') },
          { value: 'custom', label: t('connections:s3.endpointCustom') },
        ]}
        onChange={setEndpointKind}
      />
      {values.endpointKind === 'custom' ? (
        <TextField
          label={t('connections:s3.endpointUrl')}
          value={values.endpointUrl}
          onChange={(v) => set('endpointUrl', v)}
          error={errors.endpointUrl}
          placeholder={t('connections:s3.endpointUrlPlaceholder')}
          type="url"
          inputMode="url"
        />
      ) : null}
      <TextField
        label={t('connections:s3.region')}
        value={values.region}
        onChange={(v) => set('region', v)}
        error={errors.region}
        placeholder={t('connections:s3.regionPlaceholder')}
        list="aws-regions"
        className="narrow"
      />
      <datalist id="aws-regions">
        {awsRegions.map((region) => (
          <option key={region} value={region} />
        ))}
      </datalist>
      <CheckField
        label={t('connections:s3.pathStyle')}
        checked={values.forcePathStyle}
        onChange={(v) => set('forcePathStyle', v)}
        hint={t('connections:s3.pathStyleHint')}
      />
      {values.endpointKind === 'aws' ? (
        <CheckField
          label={t('connections:s3.accelerate')}
          checked={values.useAccelerate}
          onChange={(v) => set('useAccelerate', v)}
          hint={t('connections:s3.accelerateHint')}
        />
      ) : null}
      <SelectField
        label={t('connections:s3.storageClass')}
        value={values.defaultStorageClass}
        options={[{ value: '', label: t('connections:s3.storageClassDefault') }, ...storageClasses.map((c) => ({ value: c, label: formatStorageClass(c) }))]}
        onChange={(v) => set('defaultStorageClass', v)}
      />
      <TextField
        label={t('connections:s3.caFile')}
        value={values.caFile}
        onChange={(v) => set('caFile', v)}
        placeholder={t('connections:s3.caFilePlaceholder')}
        hint={t('connections:s3.caFileHint')}
        mono
      />

      <div className="form-section">{t('connections:form.credentials')}</div>
      <SelectField
        label={t('connections:form.authentication')}
        value={values.s3Auth}
        options={[
          { value: 'keys', label: t('connections:s3.accessKeys') },
          { value: 'profile', label: t('connections:s3.awsProfile') },
        ]}
        onChange={(v) => set('s3Auth', v)}
      />
      {values.s3Auth === 'keys' ? (
        <>
          <TextField
            label={t('connections:s3.accessKeyId')}
            value={values.accessKeyId}
            onChange={(v) => set('accessKeyId', v)}
            error={errors.accessKeyId}
            placeholder={t('connections:s3.accessKeyIdPlaceholder')}
            mono
          />
          <TextField
            label={t('connections:s3.secretAccessKey')}
            type="password"
            value={values.secretAccessKey}
            onChange={(v) => set('secretAccessKey', v)}
            error={errors.secretAccessKey}
            placeholder={keepHint ?? ''}
            mono
          />
          <TextField
            label={t('connections:s3.sessionToken')}
            type="password"
            value={values.sessionToken}
            onChange={(v) => set('sessionToken', v)}
            placeholder={savedSecret ? t('connections:s3.keepIt') : t('connections:s3.sessionTokenOptional')}
            mono
          />
        </>
      ) : (
        <ProfileField
          value={values.profile}
          onChange={(v) => {
            // A pick belongs to the profile it was made for; spaces around the name change nothing.
            if (v.trim() !== values.profile.trim()) {
              set('ssoAccountId', '');
              set('ssoRoleName', '');
            }
            set('profile', v);
          }}
          error={errors.profile}
          renderSso={(profile, reload) => (
            <SsoProfileRow
              profile={profile}
              pick={{ accountId: values.ssoAccountId, roleName: values.ssoRoleName }}
              onPick={(pick) => {
                set('ssoAccountId', pick.accountId);
                set('ssoRoleName', pick.roleName);
              }}
              onSignedIn={reload}
            />
          )}
        />
      )}
    </>
  );
}
