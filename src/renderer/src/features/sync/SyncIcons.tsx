// Line icons for the sync indicator's tones (24×24 grid, currentColor), decorative.
import type { ReactNode } from 'react';
import type { IndicatorTone } from './sync-status-view';

function Svg({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <svg
      width={16}
      height={16}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={className}
    >
      {children}
    </svg>
  );
}

const CLOUD = 'M7 18h10.5a4 4 0 0 0 .6-7.95A6 6 0 0 0 6.3 9.6 4.2 4.2 0 0 0 7 18z';

/** A cloud with a tick, arrows turning, a clock, a cut cloud or a warning sign. */
export function SyncToneIcon({ tone }: { tone: IndicatorTone }) {
  switch (tone) {
    case 'ok':
      return (
        <Svg>
          <path d={CLOUD} />
          <path d="m9.5 13 2 2 3.5-3.5" />
        </Svg>
      );
    case 'busy':
      return (
        <Svg className="sync-spin">
          <path d="M20 12a8 8 0 0 1-13.7 5.7M4 12a8 8 0 0 1 13.7-5.7" />
          <path d="M18 3v4h-4M6 21v-4h4" />
        </Svg>
      );
    case 'waiting':
      return (
        <Svg>
          <circle cx="12" cy="12" r="8.5" />
          <path d="M12 7.5V12l3 2" />
        </Svg>
      );
    case 'offline':
      return (
        <Svg>
          <path d={CLOUD} />
          <path d="M4 4l16 16" />
        </Svg>
      );
    case 'error':
      return (
        <Svg>
          <path d="M12 3.5 21.5 20h-19z" />
          <path d="M12 10v4.5M12 17.5v.01" />
        </Svg>
      );
  }
}
