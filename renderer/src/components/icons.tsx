/** Inline SVG icons (no icon font: the CSP allows no remote or inline-styled assets). */
import type { ReactNode, SVGProps } from 'react';
import type { FileEntry, Protocol } from '../../../shared/files.js';
import { fileCategory, type FileCategory } from '../lib/entries.js';

type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'> & { size?: number };

function stroke(paths: ReactNode) {
  return function StrokeIcon({ size = 16, className, ...rest }: IconProps) {
    return (
      <svg
        className={className ? `icon ${className}` : 'icon'}
        width={size}
        height={size}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.8}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
        {...rest}
      >
        {paths}
      </svg>
    );
  };
}

export const BackIcon = stroke(<path d="M15 18l-6-6 6-6" />);
export const ForwardIcon = stroke(<path d="M9 18l6-6-6-6" />);
export const ChevronDownIcon = stroke(<path d="M6 9l6 6 6-6" />);
export const ChevronUpIcon = stroke(<path d="M6 15l6-6 6 6" />);
export const ChevronRightIcon = stroke(<path d="M10 7l5 5-5 5" />);
export const UpIcon = stroke(<path d="M12 19V5M5.5 11.5L12 5l6.5 6.5" />);
export const RefreshIcon = stroke(
  <>
    <path d="M20.5 12a8.5 8.5 0 1 1-2.5-6" />
    <path d="M20.5 3.5V9H15" />
  </>,
);
export const NewFolderIcon = stroke(
  <>
    <path d="M3 7.5A2 2 0 0 1 5 5.5h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" />
    <path d="M12 11v6M9 14h6" />
  </>,
);
/** This computer's disk (the local pane). */
export const ComputerIcon = stroke(
  <>
    <rect x="4" y="5" width="16" height="11" rx="1.5" />
    <path d="M2.5 19h19" />
  </>,
);
/** Two panes side by side (the split view). */
export const SplitIcon = stroke(
  <>
    <rect x="3" y="4.5" width="18" height="15" rx="2" />
    <path d="M12 4.5v15" />
  </>,
);
export const UploadIcon = stroke(
  <>
    <path d="M12 15V4M7.5 8.5L12 4l4.5 4.5" />
    <path d="M4 15v3a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-3" />
  </>,
);
export const DownloadIcon = stroke(
  <>
    <path d="M12 4v11M7.5 10.5L12 15l4.5-4.5" />
    <path d="M4 15v3a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-3" />
  </>,
);
export const ArrowUpIcon = stroke(<path d="M12 19V5M6 11l6-6 6 6" />);
export const ArrowDownIcon = stroke(<path d="M12 5v14M6 13l6 6 6-6" />);
export const SearchIcon = stroke(
  <>
    <circle cx="11" cy="11" r="6.5" />
    <path d="M20 20l-4.2-4.2" />
  </>,
);
/** A folder and the folders below it (search in subfolders). */
export const SubfoldersIcon = stroke(
  <>
    <path d="M3.5 3.5h7v4.5h-7z" />
    <path d="M7 8v10.5h4.5M7 13.5h4.5" />
    <path d="M11.5 11.5h9v4h-9zM11.5 16.5h9v4h-9z" />
  </>,
);
export const PlusIcon = stroke(<path d="M12 5v14M5 12h14" />);
export const PauseIcon = stroke(<path d="M9 6v12M15 6v12" />);
export const PlayIcon = stroke(<path d="M8 5.5v13l10.5-6.5z" />);
export const CloseIcon = stroke(<path d="M6.5 6.5l11 11M17.5 6.5l-11 11" />);
export const RetryIcon = stroke(
  <>
    <path d="M3.5 12a8.5 8.5 0 1 0 2.5-6" />
    <path d="M3.5 3.5V9H9" />
  </>,
);
export const WarningIcon = stroke(
  <>
    <path d="M10.3 4L2.6 17.5A2 2 0 0 0 4.3 20.5h15.4a2 2 0 0 0 1.7-3L13.7 4a2 2 0 0 0-3.4 0z" />
    <path d="M12 9.5v4M12 17h.01" />
  </>,
);
export const ErrorIcon = stroke(
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7.5v5.5M12 16.5h.01" />
  </>,
);
export const InfoIcon = stroke(
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 11v5.5M12 7.5h.01" />
  </>,
);
export const CheckIcon = stroke(<path d="M5 12.5l4.5 4.5L19 7.5" />);
export const ShieldIcon = stroke(
  <>
    <path d="M12 3l7.5 3v5.5c0 4.6-3.2 8.4-7.5 9.5-4.3-1.1-7.5-4.9-7.5-9.5V6z" />
    <path d="M12 8v4.5M12 15.5h.01" />
  </>,
);
export const KeyIcon = stroke(
  <>
    <circle cx="8" cy="15" r="4" />
    <path d="M11 12l8.5-8.5M16.5 6.5l2.5 2.5M14 9l2 2" />
  </>,
);
export const EditIcon = stroke(<path d="M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4" />);
export const TrashIcon = stroke(
  <>
    <path d="M4 7h16M9.5 7V4.5h5V7M6 7l1 13h10l1-13" />
  </>,
);
export const PlugIcon = stroke(
  <>
    <path d="M9 3v5M15 3v5M6 8h12v3a6 6 0 0 1-12 0zM12 17v4" />
  </>,
);
export const LinkIcon = stroke(
  <>
    <path d="M10 14a4.5 4.5 0 0 0 6.4 0l3-3a4.5 4.5 0 0 0-6.4-6.4l-1.2 1.2" />
    <path d="M14 10a4.5 4.5 0 0 0-6.4 0l-3 3a4.5 4.5 0 0 0 6.4 6.4l1.2-1.2" />
  </>,
);
export const MoreIcon = stroke(
  <>
    <circle cx="5.5" cy="12" r="0.9" />
    <circle cx="12" cy="12" r="0.9" />
    <circle cx="18.5" cy="12" r="0.9" />
  </>,
);
export const OpenIcon = stroke(<path d="M5 12h14M13 6l6 6-6 6" />);
export const CopyIcon = stroke(
  <>
    <rect x="8.5" y="8.5" width="11.5" height="11.5" rx="2" />
    <path d="M15.5 8.5V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v7.5a2 2 0 0 0 2 2h2.5" />
  </>,
);

/** S3: a cloud. */
export const CloudIcon = stroke(<path d="M7 18.5a4.5 4.5 0 0 1-.6-8.96A6 6 0 0 1 17.9 8.3 4.6 4.6 0 0 1 17.5 18.5z" />);
/** SFTP: a server. */
export const ServerIcon = stroke(
  <>
    <rect x="3.5" y="4" width="17" height="7" rx="2" />
    <rect x="3.5" y="13" width="17" height="7" rx="2" />
    <path d="M7.5 7.5h.01M7.5 16.5h.01M11 7.5h5M11 16.5h5" />
  </>,
);

/* ---------- Filled, coloured entry icons (16×16 grid) ---------- */

function FolderGlyph({ link }: { link?: boolean }) {
  return (
    <svg className="icon entry-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path className="folder-back" d="M1.5 3.2c0-.6.4-1 1-1h3.6l1.5 1.5h6c.6 0 1 .4 1 1v7.8c0 .6-.4 1-1 1H2.5c-.6 0-1-.4-1-1z" />
      <path className="folder-front" d="M1.5 5.8c0-.6.4-1 1-1h11c.6 0 1 .4 1 1v6.7c0 .6-.4 1-1 1h-11c-.6 0-1-.4-1-1z" />
      {link ? <LinkBadge /> : null}
    </svg>
  );
}

function BucketGlyph() {
  return (
    <svg className="icon entry-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path className="bucket-body" d="M2.2 4.6h11.6l-1.4 8.3c-.1.5-.5.9-1 .9H4.6c-.5 0-.9-.4-1-.9z" />
      <ellipse className="bucket-rim" cx="8" cy="4.6" rx="5.8" ry="1.7" />
    </svg>
  );
}

function FileGlyph({ category, link }: { category: FileCategory; link?: boolean }) {
  return (
    <svg
      className={`icon entry-icon file-${category}`}
      width="16"
      height="16"
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
    >
      <path className="file-page" d="M4 1.5h5.3L12.5 4.7v9.3c0 .3-.2.5-.5.5H4c-.3 0-.5-.2-.5-.5V2c0-.3.2-.5.5-.5z" />
      <path className="file-fold" d="M9.3 1.5v3.2h3.2" />
      {category !== 'other' ? <rect className="file-band" x="5" y="9" width="6" height="2.6" rx="0.6" /> : null}
      {link ? <LinkBadge /> : null}
    </svg>
  );
}

function LinkBadge() {
  return (
    <g className="link-badge">
      <circle cx="4" cy="12.5" r="3.2" />
      <path d="M2.8 13.6l2.4-2.4M3.4 11.2h1.8V13" fill="none" />
    </g>
  );
}

export function EntryIcon({ entry }: { entry: FileEntry }) {
  if (entry.kind === 'bucket') return <BucketGlyph />;
  if (entry.kind === 'folder') return <FolderGlyph />;
  if (entry.kind === 'symlink') {
    if (entry.linkTargetKind === 'folder') return <FolderGlyph link />;
    return <FileGlyph category={fileCategory(entry.name)} link />;
  }
  return <FileGlyph category={fileCategory(entry.name)} />;
}

export function ProtocolIcon({ protocol, size = 16 }: { protocol: Protocol; size?: number }) {
  if (protocol === 'local') return <ComputerIcon size={size} />;
  return protocol === 's3' ? <CloudIcon size={size} /> : <ServerIcon size={size} />;
}
