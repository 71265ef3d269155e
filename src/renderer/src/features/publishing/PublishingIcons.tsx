// Line icons for publishing (24×24 grid, currentColor, decorative: the words sit next to them).
import type { ReactNode } from 'react';
import { LineSvg } from '../../components/icons';

function Svg({ children, size = 14 }: { children: ReactNode; size?: number }) {
  return (
    <LineSvg size={size} strokeWidth={2.2}>
      {children}
    </LineSvg>
  );
}

/** An alarm clock: a manual post left waiting past its time. */
export function OverdueIcon({ size }: { size?: number }) {
  return (
    <Svg size={size}>
      <circle cx="12" cy="13" r="7.5" />
      <path d="M12 9v4.5l2.5 1.5M4.5 4.5 2.5 6.5M19.5 4.5l2 2" />
    </Svg>
  );
}

/** A circle with an exclamation mark: a publication failed. */
export function FailedIcon({ size }: { size?: number }) {
  return (
    <Svg size={size}>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 7.5v5.5M12 16.5v.01" />
    </Svg>
  );
}

/** A hand-held phone: something a person must do on WhatsApp. */
export function TaskIcon({ size }: { size?: number }) {
  return (
    <Svg size={size}>
      <rect x="7" y="2.5" width="10" height="19" rx="2" />
      <path d="M11 18.5h2" />
    </Svg>
  );
}

/** An arrow leaving a box: a link to the post on the platform. */
export function ExternalIcon({ size }: { size?: number }) {
  return (
    <Svg size={size}>
      <path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />
    </Svg>
  );
}
