/** Breadcrumbs: one button per folder on the way; S3's root is "Buckets". */
import { Fragment, useEffect, useState } from 'react';
import { PathEditor } from './PathEditor.js';
import { crumbLabel } from './crumbLabel.js';
import { hasMod, isInsideOverlay, shortcutLabel } from '../../lib/keyboard.js';
import { useTranslation } from 'react-i18next';
import { breadcrumbs } from '../../../../shared/paths.js';
import { useTab } from './browserStore.js';
import { navigate } from './navigation.js';
import { ChevronRightIcon, EditIcon, ProtocolIcon } from '../../components/icons.js';
import { revealHiddenControls } from '../../../../shared/hiddenControls.js';
import { VisibleName } from '../../components/VisibleName.js';

export function PathBar({ connectionId, connectionName, keys = true }: { connectionId: string; connectionName: string; keys?: boolean }) {
  const { t } = useTranslation();
  const tab = useTab(connectionId);
  const [editing, setEditing] = useState(false);
  // Ctrl/Cmd+L types a path, as in file managers and browsers, from anywhere in the window but a dialog.
  useEffect(() => {
    if (!keys) return;
    const onKey = (event: KeyboardEvent) => {
      if (isInsideOverlay(event.target)) return;
      if (hasMod(event) && !event.altKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        setEditing(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keys]);
  if (!tab) return null;
  const crumbs = breadcrumbs(tab.protocol, tab.path);
  const editor = editing ? (
    <PathEditor path={tab.path} protocol={tab.protocol} onGo={(path) => navigate(connectionId, path)} onDone={() => setEditing(false)} />
  ) : null;
  return (
    <div className="pathbar">
      <span className="pathbar-conn" title={connectionName} data-user-text>
        <ProtocolIcon protocol={tab.protocol} size={14} />
        <span className="pathbar-conn-name">{connectionName}</span>
      </span>
      {editor ?? (
      <nav aria-label={t('browser:pathBar.label')} className="crumbs" onDoubleClick={(event) => event.target === event.currentTarget && setEditing(true)}>
        <ol>
          {crumbs.map((crumb, i) => {
            const last = i === crumbs.length - 1;
            return (
              <Fragment key={crumb.path}>
                {i > 0 ? (
                  <li className="crumb-sep" aria-hidden="true">
                    <ChevronRightIcon size={12} />
                  </li>
                ) : null}
                <li>
                  <button
                    type="button"
                    className={last ? 'crumb current' : 'crumb'}
                    aria-current={last ? 'location' : undefined}
                    title={revealHiddenControls(crumb.path)}
                    onClick={() => navigate(connectionId, crumb.path)}
                    data-user-text={i > 0 && !crumb.path.endsWith('//') ? '' : undefined}
                  >
                    <VisibleName text={crumbLabel(tab.protocol, crumb)} />
                  </button>
                </li>
              </Fragment>
            );
          })}
        </ol>
      </nav>
      )}
      {editor ? null : (
        <button type="button" className="icon-btn small pathbar-edit-btn" aria-label={t('browser:pathBar.edit')} title={t('browser:pathBar.editTitle', { shortcut: shortcutLabel('L') })} onClick={() => setEditing(true)}>
          <EditIcon size={13} />
        </button>
      )}
    </div>
  );
}
