/** Breadcrumbs: one button per folder on the way; S3's root is "Buckets". */
import { Fragment } from 'react';
import { breadcrumbs } from '../../../../shared/paths.js';
import { useTab } from '../../state/browser.js';
import { navigate } from '../../state/navigation.js';
import { ChevronRightIcon, ProtocolIcon } from '../icons.js';

export function PathBar({ connectionId, connectionName }: { connectionId: string; connectionName: string }) {
  const tab = useTab(connectionId);
  if (!tab) return null;
  const crumbs = breadcrumbs(tab.protocol, tab.path);
  return (
    <div className="pathbar">
      <span className="pathbar-conn" title={connectionName}>
        <ProtocolIcon protocol={tab.protocol} size={14} />
        <span className="pathbar-conn-name">{connectionName}</span>
      </span>
      <nav aria-label="Path" className="crumbs">
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
                    title={crumb.path}
                    onClick={() => navigate(connectionId, crumb.path)}
                  >
                    {crumb.label}
                  </button>
                </li>
              </Fragment>
            );
          })}
        </ol>
      </nav>
    </div>
  );
}
